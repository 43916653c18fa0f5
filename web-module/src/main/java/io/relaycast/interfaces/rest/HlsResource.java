package io.relaycast.interfaces.rest;

import io.relaycast.application.hls.HlsTokens;
import io.relaycast.application.hls.LiveHls;
import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.domain.model.stream.StreamNotFoundException;
import io.relaycast.interfaces.hls.HlsServlet;
import io.relaycast.interfaces.rest.dto.ProblemDetail;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import io.relaycast.interfaces.rest.problem.Problems;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Where a viewer plays the live stream over HLS: a signed, expiring link to its master playlist
 * (the right to watch is checked first, as for every path of a stream), and the same token as a
 * cookie for players that do not carry queries.
 */
@Path("/livestream/{streamId}/hls")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(ref = "Streams")
public class HlsResource {

    @Inject
    LiveHls hls;

    @Inject
    HlsTokens tokens;

    @Context
    HttpServletRequest request;

    @Context
    UriInfo uriInfo;

    public record HlsLink(@Schema(description = "the master playlist, token included: /hls/{streamId}/master.m3u8?token=…") String url,
                          @Schema(description = "after this the link is refused (ask again)") Instant expiresAt) {
    }

    @GET
    @Operation(summary = "The live HLS link", description = "For viewers WebRTC cannot reach (UDP blocked) and for CDNs: "
            + "a two-rendition fMP4 ladder with 2-second segments, while an SFU stream is on air on a server with HLS on. "
            + "Made on demand: the first request starts it (503 with Retry-After until its first segments exist).")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = HlsLink.class)))
    @APIResponse(responseCode = "401", description = "Sign-in required to watch", content = @Content(mediaType = ProblemDetail.MEDIA_TYPE,
            schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "403", description = "Not allowed to watch", content = @Content(mediaType = ProblemDetail.MEDIA_TYPE,
            schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "503", description = "Starting: the first request starts the rendition; ask again "
            + "after Retry-After seconds", content = @Content(mediaType = ProblemDetail.MEDIA_TYPE,
            schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "404", description = "Unknown stream, or no HLS for it (not on air through the SFU, "
            + "or HLS off)", content = @Content(mediaType = ProblemDetail.MEDIA_TYPE,
            schema = @Schema(implementation = ProblemDetail.class)))
    public Response link(@PathParam("streamId") String streamId) {
        StreamId id = StreamId.of(streamId);
        switch (hls.want(id)) {
            case NONE -> throw new StreamNotFoundException("Livestream '" + streamId + "' has no HLS rendition: it is not "
                    + "on air through the SFU, or HLS is off on this server.");
            case STARTING -> {
                return Problems.builder(503, "The HLS rendition of this stream is starting; ask again in a few seconds.",
                        uriInfo).header("Retry-After", 2).build();
            }
            default -> {
                // playable: the link below
            }
        }
        HlsTokens.Grant grant = tokens.issue(id);
        String path = request.getContextPath() + "/hls/" + streamId + "/";
        int maxAge = (int) Math.max(0, Duration.between(Instant.now(), grant.expiresAt()).getSeconds());
        NewCookie cookie = new NewCookie.Builder(HlsServlet.COOKIE).value(grant.token()).path(path).maxAge(maxAge)
                .httpOnly(true).secure(request.isSecure()).sameSite(NewCookie.SameSite.LAX).build();
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(new HlsLink(path + "master.m3u8?token=" + grant.token(), grant.expiresAt()))
                .cookie(cookie).cacheControl(noStore).build();
    }
}
