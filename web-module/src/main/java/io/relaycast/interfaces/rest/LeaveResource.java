package io.relaycast.interfaces.rest;

import io.relaycast.application.viewer.ViewerService;
import io.relaycast.interfaces.rest.dto.LeaveRequest;
import io.relaycast.interfaces.rest.dto.SuccessResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.interfaces.rest.dto.ProblemDetail;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A REST-joined viewer leaves (beside {@link JoinResource}). */
@Path("/livestream/{streamId}/leave")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LeaveResource {

    static final String PROBLEM = ProblemDetail.MEDIA_TYPE;

    @Inject
    ViewerService viewers;

    @Inject
    RequestValidator validator;

    @POST
    @Tag(ref = "Viewing")
    @Operation(summary = "Leave: closes the viewing session (idempotent)")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = LeaveRequest.class)))
    @APIResponse(responseCode = "200", description = "Left",
            content = @Content(schema = @Schema(implementation = SuccessResponse.class)))
    @APIResponse(responseCode = "400", description = "viewerId missing", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "404", description = "Unknown stream or viewer", content = @Content(
            mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    public SuccessResponse leave(@PathParam("streamId") String streamId,
                                 LeaveRequest request) {
        LeaveRequest body = validator.require(request, "A JSON body with viewerId is required.");
        viewers.leave(StreamId.of(streamId), body.viewerId());
        return SuccessResponse.OK;
    }
}
