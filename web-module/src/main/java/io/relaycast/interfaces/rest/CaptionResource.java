package io.relaycast.interfaces.rest;

import io.relaycast.application.caption.CaptionService;
import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.interfaces.rest.dto.ProblemDetail;
import io.relaycast.interfaces.security.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Live captions of a stream: captioners write them (the console, or a CART service); the owner names captioners. */
@Path("/livestream/{streamId}/captions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(ref = "Captions")
@APIResponse(responseCode = "404", description = "Unknown stream", content = @Content(
        mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
public class CaptionResource {

    @Inject
    CaptionService captions;

    @Inject
    RequestValidator validator;

    @Context
    SecurityContext security;


    public record CaptionersView(Set<String> users) {
    }

    public record CaptionersRequest(@NotNull(message = "users is required") List<String> users) {
    }

    @POST
    @Operation(summary = "Write a caption (owner, moderators, admins, the stream's captioners; while live)",
            description = "{\"text\": …, \"final\": true} is kept for the recording's WebVTT; \"final\": false is "
                    + "the line being written, shown to viewers and replaced by the next.")
    @APIResponse(responseCode = "204", description = "Sent to the room")
    public Response caption(@PathParam("streamId") String streamId, jakarta.json.JsonObject body) {
        if (body == null || !body.containsKey("text") || body.isNull("text")
                || body.get("text").getValueType() != jakarta.json.JsonValue.ValueType.STRING) {
            throw new jakarta.ws.rs.BadRequestException("A JSON body with text (and final) is required.");
        }
        boolean finalLine = !body.containsKey("final") || body.getBoolean("final", true);
        captions.caption(StreamId.of(streamId), Caller.actor(security), body.getString("text"), finalLine);
        return Response.noContent().build();
    }

    @GET
    @Path("/captioners")
    @Operation(summary = "Who may caption the stream besides its owner, moderators and admins (owner, admin)")
    public CaptionersView captioners(@PathParam("streamId") String streamId) {
        return new CaptionersView(captions.captioners(StreamId.of(streamId), Caller.actor(security)));
    }

    @PUT
    @Path("/captioners")
    @Operation(summary = "Name the stream's captioners (owner, admin; at most 20 user names)")
    public CaptionersView setCaptioners(@PathParam("streamId") String streamId, CaptionersRequest request) {
        CaptionersRequest body = validator.require(request, "A JSON body with users is required.");
        return new CaptionersView(captions.setCaptioners(StreamId.of(streamId), Caller.actor(security), body.users()));
    }
}
