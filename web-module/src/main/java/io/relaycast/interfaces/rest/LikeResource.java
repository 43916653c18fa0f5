package io.relaycast.interfaces.rest;

import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.application.stream.LivestreamService;
import io.relaycast.interfaces.rest.dto.LikeResponse;
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

/** Likes: any signed-in viewer of a live stream (banned users excepted). */
@Path("/livestream/{streamId}/like")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class LikeResource {

    static final String PROBLEM = ProblemDetail.MEDIA_TYPE;

    @Inject
    LivestreamService streams;

    @Context
    SecurityContext security;

    @POST
    @Tag(ref = "Viewing")
    @Operation(summary = "Like a live stream (any signed-in user)")
    @SecurityRequirement(name = RelaycastApplication.BASIC_AUTH)
    @APIResponse(responseCode = "200", description = "New total",
            content = @Content(schema = @Schema(implementation = LikeResponse.class)))
    @APIResponse(responseCode = "401", description = "No credentials", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "404", description = "Unknown stream", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "409", description = "Not live", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = ProblemDetail.class)))
    public LikeResponse like(@PathParam("streamId") String streamId) {
        return new LikeResponse(streams.like(StreamId.of(streamId), Caller.requireAuthenticated(security)));
    }

}
