package io.relaycast.infrastructure.sfu;

import static io.relaycast.application.json.JsonProviders.JSON;

import io.relaycast.application.delivery.sfu.PublishedMedia;
import io.relaycast.application.delivery.sfu.RtpTarget;
import io.relaycast.application.delivery.sfu.SfuException;
import io.relaycast.application.signaling.protocol.PeerId;
import io.relaycast.domain.model.stream.StreamId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * VideoRoom RTP forwarders ({@code rtp_forward}): a plain-RTP copy of a publisher's audio and video
 * for an engine outside Janus (ffmpeg's HLS ladder). Forwarders go with their publisher or room.
 */
@ApplicationScoped
class JanusForwarders {

    @Inject
    JanusSession janus;

    @Inject
    JanusRooms rooms;

    CompletionStage<Void> forward(StreamId room, PeerId publisher, PublishedMedia media, RtpTarget target) {
        String secret = rooms.secret(room);
        if (secret == null) {
            return CompletableFuture.failedFuture(new SfuException("No SFU room for this stream."));
        }
        // simulcast: the forwarder takes the best layer, as a viewer would (a single stream to ffmpeg)
        JsonObjectBuilder request = rooms.participant(rooms.id(JSON.createObjectBuilder().add("request", "rtp_forward"),
                room), "publisher_id", publisher).add("secret", secret).add("host", target.host())
                .add("streams", JSON.createArrayBuilder()
                        .add(JSON.createObjectBuilder().add("mid", media.audioMid()).add("port", target.audioPort())
                                .add("pt", target.audioPayloadType()))
                        .add(JSON.createObjectBuilder().add("mid", media.videoMid()).add("port", target.videoPort())
                                .add("pt", target.videoPayloadType()).add("simulcast", true)));
        rooms.adminKey().ifPresent(k -> request.add("admin_key", k));
        return rooms.withAdminHandle(handle -> janus.pluginMessage(handle, request, null, false)).thenAccept(r -> { });
    }
}
