package io.relaycast.interfaces.rest;

import io.relaycast.application.analytics.ViewerQuality;
import io.relaycast.application.delivery.sfu.Sfu;
import io.relaycast.application.ingest.EncoderInput;
import io.relaycast.application.ingest.EncoderState;
import io.relaycast.application.ingest.IngestStatus;
import io.relaycast.application.ingest.StreamKeys;
import io.relaycast.domain.model.stream.DeliveryMode;
import io.relaycast.domain.model.stream.Livestream;
import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.interfaces.rest.dto.ProblemDetail;
import io.relaycast.interfaces.security.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Setting an encoder up: where it publishes, with which key, and what it is sending now. */
@Path("/livestream/{streamId}/ingest") // a class of its own: one on /livestream/{streamId} would shadow LivestreamResource
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
public class IngestResource {

    @Inject
    StreamKeys keys;

    @Inject
    IngestStatus status;

    @Inject
    Sfu sfu;

    @Inject
    ViewerQuality quality;

    /** {@code auto}: port 1935 of the host the caller reached; {@code off}: no RTMP ingest; else the base URL. */
    @Inject
    @ConfigProperty(name = "rtmp.url", defaultValue = "auto")
    String rtmpUrl;

    @Context
    SecurityContext security;

    @Context
    UriInfo uri;

    public record Whip(String url, String bearerToken) {
    }

    public record Rtmp(@Schema(description = "OBS: Server") String server,
                       @Schema(description = "OBS: Stream Key") String streamKey) {
    }

    public record Encoder(@Schema(enumeration = {"whip", "rtmp"}) String protocol, Instant since, EncoderInput input,
                          List<String> warnings,
                          @Schema(description = "What viewers receive now (their average), from their reports")
                          ViewerQuality.Summary delivered) {
        static Encoder of(EncoderState s, ViewerQuality.Summary delivered) {
            return new Encoder(s.protocol(), s.since(), s.input(), s.input() == null ? List.of() : s.input().warnings(),
                    delivered);
        }
    }

    public record IngestView(@Schema(description = "Whether encoders may publish now: an SFU stream on a server with an SFU")
                             boolean encodersAccepted, String reason, Whip whip,
                             @Schema(nullable = true) Rtmp rtmp, @Schema(nullable = true) Encoder encoder) {
    }

    @GET
    @Operation(summary = "Where encoders publish this stream, and the encoder publishing now (owner, admin)")
    @APIResponse(responseCode = "200", description = "Ingest settings",
            content = @Content(schema = @Schema(implementation = IngestView.class)))
    public IngestView ingest(@PathParam("streamId") String streamId) {
        StreamId id = StreamId.of(streamId);
        Livestream s = keys.forPublisher(id, Caller.actor(security));
        String reason = s.getStatus().isOver() ? "The stream is " + s.getStatus().wireName() + "."
                : s.getDelivery() != DeliveryMode.SFU ? "Encoders publish into the SFU: this stream was created "
                + "with delivery '" + s.getDelivery().wireName() + "'." : !sfu.configured()
                ? "No SFU is configured on this server (JANUS_URL)." : null;
        URI base = uri.getBaseUri();
        String origin = base.getScheme() + "://" + base.getAuthority();
        return new IngestView(reason == null, reason, new Whip(origin + "/whip/" + id.value(), s.getStreamKey()),
                rtmp(base.getHost(), s.getStreamKey()),
                status.encoder(id).map(e -> Encoder.of(e, quality.summary(id))).orElse(null));
    }

    private Rtmp rtmp(String host, String key) {
        if ("off".equalsIgnoreCase(rtmpUrl)) {
            return null;
        }
        String server = "auto".equalsIgnoreCase(rtmpUrl)
                ? "rtmp://" + (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host) + ":1935/live"
                : rtmpUrl.replaceAll("/+$", "");
        return new Rtmp(server, key);
    }
}
