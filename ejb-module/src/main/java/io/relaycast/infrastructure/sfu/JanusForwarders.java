package io.relaycast.infrastructure.sfu;

import static io.relaycast.application.json.JsonProviders.JSON;

import io.relaycast.application.delivery.sfu.PublishedMedia;
import io.relaycast.application.delivery.sfu.RtpTarget;
import io.relaycast.application.delivery.sfu.SfuException;
import io.relaycast.application.signaling.protocol.PeerId;
import io.relaycast.domain.model.stream.StreamId;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * VideoRoom RTP forwarders ({@code rtp_forward}): a plain-RTP copy of a publisher's audio and video
 * for an engine outside Janus (ffmpeg's HLS ladder), or into another Janus (a cascade), from one
 * Janus. Forwarders go with their publisher or room.
 */
final class JanusForwarders {

    private final JanusInstance janus;
    private final JanusRooms rooms;

    JanusForwarders(JanusInstance janus, JanusRooms rooms) {
        this.janus = janus;
        this.rooms = rooms;
    }

    private final Map<PeerId, List<Long>> made = new ConcurrentHashMap<>();

    /** A copy for the packager (stopped with {@link #stop}). */
    CompletionStage<Void> forward(StreamId room, PeerId publisher, PublishedMedia media, RtpTarget target) {
        return forward(room, publisher, media, target, ids -> made.computeIfAbsent(publisher,
                k -> new CopyOnWriteArrayList<>()).addAll(ids));
    }

    /**
     * A copy into another Janus's remote publisher (a cascade); completes with the forwarders' ids,
     * kept by the caller: they are not the packager's, and are stopped with {@link #stop(StreamId, PeerId, List)}.
     */
    CompletionStage<List<Long>> cascade(StreamId room, PeerId publisher, PublishedMedia media, RtpTarget target) {
        List<Long> ids = new CopyOnWriteArrayList<>();
        return forward(room, publisher, media, target, ids::addAll).thenApply(v -> ids);
    }

    private CompletionStage<Void> forward(StreamId room, PeerId publisher, PublishedMedia media, RtpTarget target,
                                          java.util.function.Consumer<List<Long>> made) {
        String secret = rooms.secret(room);
        if (secret == null) {
            return CompletableFuture.failedFuture(new SfuException("No SFU room for this stream."));
        }
        // simulcast: the forwarder takes the best layer, as a viewer would (a single stream to ffmpeg);
        // only for layered video: on a single stream Janus 1.1.2 would wait for layers that never come
        JsonObjectBuilder request = rooms.participant(rooms.id(JSON.createObjectBuilder().add("request", "rtp_forward"),
                room), "publisher_id", publisher).add("secret", secret).add("host", target.host())
                .add("streams", JSON.createArrayBuilder()
                        .add(ssrc(JSON.createObjectBuilder().add("mid", media.audioMid()).add("port", target.audioPort())
                                .add("pt", target.audioPayloadType()), target.audioSsrc()))
                        .add(ssrc(JSON.createObjectBuilder().add("mid", media.videoMid()).add("port", target.videoPort())
                                .add("pt", target.videoPayloadType()).add("simulcast", media.simulcast()), target.videoSsrc())));
        rooms.adminKey().ifPresent(k -> request.add("admin_key", k));
        return rooms.withAdminHandle(handle -> janus.pluginMessage(handle, request, null, false)).thenAccept(r -> {
            JsonObject data = r.getJsonObject("plugindata").getJsonObject("data");
            if (data.containsKey("forwarders")) {
                made.accept(data.getJsonArray("forwarders").getValuesAs(JsonObject.class).stream()
                        .filter(f -> f.containsKey("stream_id")).map(f -> f.getJsonNumber("stream_id").longValue()).toList());
            }
        });
    }

    /** Stops the forwarders made for the publisher (Janus drops them by itself when the publisher leaves). */
    void stop(StreamId room, PeerId publisher) {
        stop(room, publisher, made.remove(publisher));
    }

    /** Stops these forwarders of the publisher. */
    void stop(StreamId room, PeerId publisher, List<Long> ids) {
        String secret = rooms.secret(room);
        if (ids == null || secret == null || !janus.reachable()) {
            return;
        }
        for (long streamId : ids) {
            JsonObjectBuilder request = rooms.participant(rooms.id(JSON.createObjectBuilder()
                    .add("request", "stop_rtp_forward"), room), "publisher_id", publisher).add("secret", secret)
                    .add("stream_id", streamId);
            rooms.adminKey().ifPresent(k -> request.add("admin_key", k));
            rooms.withAdminHandle(handle -> janus.pluginMessage(handle, request, null, false));
        }
    }

    private static JsonObjectBuilder ssrc(JsonObjectBuilder stream, long ssrc) {
        return ssrc > 0 ? stream.add("ssrc", ssrc) : stream;
    }

    /** The session was lost: every forwarder went with it. */
    void forgetAll() {
        made.clear();
    }

    /** The publisher left: its forwarders went with it. */
    void forget(PeerId publisher) {
        made.remove(publisher);
    }
}
