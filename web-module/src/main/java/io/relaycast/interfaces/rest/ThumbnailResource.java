package io.relaycast.interfaces.rest;

import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.application.recording.MediaFile;
import io.relaycast.application.recording.RecordingService;
import io.relaycast.domain.model.stream.StreamNotFoundException;
import io.relaycast.interfaces.rest.dto.ProblemDetail;
import io.relaycast.interfaces.security.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.SecurityContext;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A small JPEG frame of the live stream, refreshed by the broadcaster's page. */
@Path("/livestream/{streamId}/thumbnail")
@RequestScoped
@Tag(name = "Recordings")
public class ThumbnailResource {

    @Inject
    RecordingService recordings;

    @Context
    SecurityContext security;

    @PUT
    @Consumes("image/jpeg")
    @Operation(summary = "Replace the stream's thumbnail (owner only; JPEG, at most 512 KB)")
    @SecurityRequirement(name = RelaycastApplication.BASIC_AUTH)
    @APIResponse(responseCode = "204", description = "Stored")
    @APIResponse(responseCode = "413", description = "Too large", content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "415", description = "Not a JPEG", content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
    public void put(@PathParam("streamId") String streamId, InputStream body) {
        recordings.putThumbnail(StreamId.of(streamId), Caller.requireAuthenticated(security), body);
    }

    @GET
    @Produces("image/jpeg")
    @Operation(summary = "The latest thumbnail")
    @APIResponse(responseCode = "200", description = "JPEG")
    @APIResponse(responseCode = "404", description = "None yet", content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
    public Response get(@PathParam("streamId") String streamId) {
        MediaFile file = recordings.thumbnail(StreamId.of(streamId))
                .orElseThrow(() -> new StreamNotFoundException("Livestream '" + streamId + "' has no thumbnail yet."));
        CacheControl cc = new CacheControl();
        cc.setNoCache(true);
        cc.setPrivate(true); // a restricted stream's picture stays out of shared caches
        StreamingOutput body = out -> {
            try (InputStream in = file.openAt(0)) {
                in.transferTo(out);
            }
        };
        return Response.ok(body, "image/jpeg").cacheControl(cc).build();
    }
}
