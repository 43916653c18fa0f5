package io.relaycast.interfaces.rest;

import io.relaycast.application.hls.HlsMediaTypes;
import io.relaycast.application.recording.MediaFile;
import io.relaycast.application.recording.VodRendition;
import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.domain.model.stream.StreamNotFoundException;
import io.relaycast.interfaces.rest.dto.ProblemDetail;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The recording as HLS (the live ladder: two renditions, 2-second fMP4 segments), made after the
 * WebM and stored beside it: {@code master.m3u8} and what it links to, relative. The right to watch
 * is checked on every file, as for the recording itself (private caching only).
 */
@Path("/livestream/{streamId}/recording/hls")
@RequestScoped
@Tag(ref = "Streams")
public class VodHlsResource {

    @Inject
    VodRendition rendition;

    @GET
    @Path("{name: .+}")
    @Produces({"application/vnd.apple.mpegurl", "video/mp4", MediaType.WILDCARD})
    @Operation(summary = "The recording as HLS", description = "master.m3u8, then v0/… and v1/… as it links them; made a "
            + "while after the recording is ready (404 until then, and for servers with HLS off: play the WebM).")
    @APIResponse(responseCode = "200", description = "The playlist or segment")
    @APIResponse(responseCode = "404", description = "No such stream, no HLS rendition (yet), or not one of its files",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
    public Response file(@PathParam("streamId") String streamId, @PathParam("name") String name) throws IOException {
        MediaFile file = rendition.file(StreamId.of(streamId), name).orElseThrow(() -> new StreamNotFoundException(
                "Livestream '" + streamId + "' has no such file in its recording's HLS rendition (yet)."));
        long size = file.size();
        StreamingOutput body = out -> {
            try (InputStream in = file.openAt(0)) {
                in.transferTo(out);
            }
        };
        String type = HlsMediaTypes.of(name);
        // never changes once written, but who may watch can: kept by the viewer's browser only
        return Response.ok(body, type).header("Content-Length", size).header("Cache-Control", "private, max-age=3600")
                .build();
    }
}
