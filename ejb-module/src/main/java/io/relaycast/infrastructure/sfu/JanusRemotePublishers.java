package io.relaycast.infrastructure.sfu;

import static io.relaycast.application.json.JsonProviders.JSON;

import io.relaycast.application.delivery.sfu.RtpFeed;
import io.relaycast.application.signaling.protocol.PeerId;
import io.relaycast.domain.model.stream.StreamId;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * VideoRoom remote publishers (Janus 1.1) of encoders that publish plain RTP: Janus opens a UDP port
 * and takes RTP on it as a publisher's media, stream by stream from the SSRC (1000 + 10 × m-line
 * index), with the payload types it then offers subscribers (Opus 111, H.264 107).
 */
final class JanusRemotePublishers {

    /** Payload types Janus gives a remote publisher's codecs (and offers its subscribers). */
    private static final Map<String, Integer> PAYLOAD_TYPES = Map.of("opus", 111, "vp8", 96, "vp9", 101, "h264", 107);

    private final JanusInstance janus;
    private final JanusRooms rooms;
    /** Encoders publishing here: their room. */
    private final Map<PeerId, StreamId> publishers = new ConcurrentHashMap<>();

    JanusRemotePublishers(JanusInstance janus, JanusRooms rooms) {
        this.janus = janus;
        this.rooms = rooms;
    }

    /** Adds the encoder to its (existing) room; completes with where to send its RTP. */
    CompletionStage<RtpFeed> add(StreamId room, PeerId publisher) {
        return add(room, publisher, "encoder", "h264");
    }

    /** Adds a remote publisher (an encoder's, or a cascade's from another Janus) sending this video codec. */
    CompletionStage<RtpFeed> add(StreamId room, PeerId publisher, String display, String videoCodec) {
        return rooms.withAdminHandle(handle -> janus.pluginMessage(handle, request(rooms.participant(rooms.id(
                        JSON.createObjectBuilder(), room), "id", publisher).add("secret", rooms.secret(room)), display,
                        videoCodec), null, false))
                .thenApply(r -> {
                    publishers.put(publisher, room);
                    return feed(janus.host(), r, videoCodec);
                });
    }

    /** An {@code add_remote_publisher} request (room, id and secret given): Opus on m-line 0, the video on 1. */
    static JsonObjectBuilder request(JsonObjectBuilder roomIdAndSecret, String display, String videoCodec) {
        return roomIdAndSecret.add("request", "add_remote_publisher").add("display", display)
                .add("streams", JSON.createArrayBuilder()
                        .add(JSON.createObjectBuilder().add("type", "audio").add("mindex", 0).add("mid", "0")
                                .add("codec", "opus"))
                        .add(JSON.createObjectBuilder().add("type", "video").add("mindex", 1).add("mid", "1")
                                .add("codec", videoCodec)));
    }

    /** Where Janus takes the RTP, from its answer: one port, SSRC 1000 audio and 1010 video, its payload types. */
    static RtpFeed feed(String host, JsonObject answer, String videoCodec) {
        JsonObject data = answer.getJsonObject("plugindata").getJsonObject("data");
        return new RtpFeed(host, data.getInt("port"), data.getInt("rtcp_port"), 1000, PAYLOAD_TYPES.get("opus"),
                1010, PAYLOAD_TYPES.getOrDefault(videoCodec, PAYLOAD_TYPES.get("vp8")));
    }

    /** Removes the encoder if it is one (completes once Janus answered); empty when it is not. */
    Optional<CompletionStage<Void>> remove(PeerId peer) {
        StreamId room = publishers.remove(peer);
        String secret = room == null ? null : rooms.secret(room);
        if (secret == null || !janus.reachable()) {
            return Optional.empty();
        }
        return Optional.of(rooms.withAdminHandle(handle -> janus.pluginMessage(handle, rooms.participant(rooms.id(
                JSON.createObjectBuilder().add("request", "remove_remote_publisher"), room)
                .add("secret", secret), "id", peer), null, false)).handle((r, e) -> null));
    }

    /** The room was destroyed: its remote publishers went with it. */
    void roomGone(StreamId room) {
        publishers.values().removeIf(room::equals);
    }

    /** Encoders and cascades publishing here. */
    int count() {
        return publishers.size();
    }

    boolean holds(PeerId peer) {
        return publishers.containsKey(peer);
    }

    void clear() {
        publishers.clear();
    }
}
