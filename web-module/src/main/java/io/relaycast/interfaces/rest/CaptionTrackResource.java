package io.relaycast.interfaces.rest;

import io.relaycast.application.caption.CaptionService;
import io.relaycast.domain.model.caption.CaptionLine;
import io.relaycast.domain.model.stream.StreamId;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The final captions as WebVTT, timed from the stream's start: the recording's captions track. */
@Path("/livestream/{streamId}/captions.vtt")
@RequestScoped
@Tag(ref = "Captions")
public class CaptionTrackResource {

    static final String VTT = "text/vtt";
    /** How long the last line of a run stays up. */
    private static final long LAST_CUE_MILLIS = 4000;

    @Inject
    CaptionService captions;

    @GET
    @Operation(summary = "The stream's captions as WebVTT (anyone who may watch it)")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = VTT))
    public Response track(@PathParam("streamId") String streamId) {
        return Response.ok(vtt(captions.lines(StreamId.of(streamId))), VTT + "; charset=utf-8")
                .header("Cache-Control", "no-cache").build();
    }

    /** Each line until the next one starts (at most 4 s); text escaped as WebVTT requires. */
    static String vtt(List<CaptionLine> lines) {
        StringBuilder b = new StringBuilder("WEBVTT\n");
        for (int i = 0; i < lines.size(); i++) {
            long start = lines.get(i).offsetMillis();
            long end = i + 1 < lines.size() ? Math.min(lines.get(i + 1).offsetMillis(), start + LAST_CUE_MILLIS)
                    : start + LAST_CUE_MILLIS;
            b.append('\n').append(i + 1).append('\n').append(time(start)).append(" --> ").append(time(Math.max(end, start + 1)))
                    .append('\n').append(escape(lines.get(i).text())).append('\n');
        }
        return b.toString();
    }

    static String time(long millis) {
        return String.format("%02d:%02d:%02d.%03d", millis / 3_600_000, millis / 60_000 % 60, millis / 1000 % 60, millis % 1000);
    }

    /** WebVTT cue text: no "-->" and no markup, so & < > are written as entities; blank lines would end the cue. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replaceAll("\n\\s*\n", "\n");
    }
}
