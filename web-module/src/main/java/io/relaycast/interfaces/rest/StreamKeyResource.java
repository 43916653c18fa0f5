package io.relaycast.interfaces.rest;

import io.relaycast.application.ingest.StreamKeys;
import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.interfaces.rest.dto.ProblemDetail;
import io.relaycast.interfaces.security.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A new stream key, when the old one leaked or an encoder changes hands. */
@Path("/livestream/{streamId}/key")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(ref = "Ingest")
@SecurityRequirement(name = RelaycastApplication.BASIC_AUTH)
@APIResponse(responseCode = "401", description = "No credentials", content = @Content(
        mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
@APIResponse(responseCode = "403", description = "Not the owner or an admin", content = @Content(
        mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
@APIResponse(responseCode = "404", description = "Unknown stream", content = @Content(
        mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
public class StreamKeyResource {

    @Inject
    StreamKeys keys;

    @Context
    SecurityContext security;

    public record KeyView(String streamKey) {
    }

    @POST
    @Operation(summary = "Replace the stream key (owner, admin)", description = "The old key publishes no more; an "
            + "encoder publishing now goes on until it stops. Encoders and the console need the new key next time.")
    @APIResponse(responseCode = "200", description = "The new key",
            content = @Content(schema = @Schema(implementation = KeyView.class)))
    @APIResponse(responseCode = "409", description = "The stream has ended", content = @Content(
            mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
    public KeyView rotate(@PathParam("streamId") String streamId) {
        return new KeyView(keys.rotate(StreamId.of(streamId), Caller.actor(security)));
    }

}
