package io.relaycast.infrastructure.sfu;

import static io.relaycast.application.json.JsonProviders.JSON;

import io.relaycast.application.delivery.sfu.Sfu;
import io.relaycast.application.delivery.sfu.SfuPeerLost;
import io.relaycast.application.delivery.sfu.PublishedMedia;
import io.relaycast.application.delivery.sfu.RtpFeed;
import io.relaycast.application.delivery.sfu.RtpTarget;
import io.relaycast.application.delivery.sfu.SfuException;
import io.relaycast.application.signaling.protocol.PeerId;
import io.relaycast.application.signaling.protocol.RelayPayload;
import io.relaycast.domain.model.stream.StreamId;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Janus (VideoRoom plugin) as the {@link Sfu}: one room per live stream (named by the stream id,
 * with a random secret only this server knows); one plugin handle per publishing broadcaster or
 * subscribing viewer, on this server's {@link JanusSession}. Rooms are re-created on the next
 * publish after Janus was lost.
 */
@ApplicationScoped
public class JanusSfu implements Sfu {

    @Inject
    JanusSession janus;

    @Inject
    JanusRooms rooms;

    private final Map<PeerId, Long> handles = new ConcurrentHashMap<>();
    private final Map<PeerId, String> videoMids = new ConcurrentHashMap<>();
    /** What each publisher here sends (for forwarders). */
    private final Map<PeerId, PublishedMedia> publications = new ConcurrentHashMap<>();
    /** Encoders publishing plain RTP (VideoRoom remote publishers): their room. */
    private final Map<PeerId, StreamId> remotePublishers = new ConcurrentHashMap<>();

    @Inject
    JanusForwarders forwarders;

    @Inject
    SfuMetrics metrics;

    @Inject
    Event<SfuPeerLost> peersLost;

    @PostConstruct
    void init() {
        metrics.ensureRegistered();
        janus.onNewSession(() -> {
            rooms.forgetAll();
            handles.clear();
            videoMids.clear();
            publications.clear();
            remotePublishers.clear();
        });
    }

    @Override
    public boolean configured() {
        return janus.configured();
    }

    @Override
    public boolean reachable() {
        return janus.reachable();
    }

    @Override
    public boolean probe() {
        if (configured()) {
            janus.keepAliveOrReconnect();
        }
        return reachable();
    }

    int rooms() {
        return rooms.count();
    }

    int handles() {
        return handles.size();
    }

    JanusStats stats() {
        return janus.stats;
    }

    @Override
    public CompletionStage<RelayPayload> publish(StreamId room, PeerId publisher, RelayPayload offer) {
        // The participant id joins again: Janus must have let the previous handle go first (436 otherwise)
        CompletionStage<Void> roomReady = rooms.ensure(room);
        return detached(publisher)
                .thenCompose(v -> roomReady)
                .thenCompose(v -> attach(publisher))
                .thenCompose(handle -> pluginMessage(handle, rooms.participant(rooms.id(JSON.createObjectBuilder()
                        .add("request", "joinandconfigure"), room).add("ptype", "publisher"), "id", publisher)
                        .add("display", "broadcaster").add("audio", true)
                        .add("video", true), offer, true))
                .thenCompose(event -> {
                    RelayPayload answer = jsepOf(event);
                    AnsweredMedia.of(JanusConnection.parse(answer.json()).getString("sdp", ""))
                            .ifPresent(m -> publications.put(publisher, m));
                    return rooms.record(room, false).handle((v, e) -> answer);
                });
    }

    /**
     * A VideoRoom remote publisher (Janus 1.1): Janus opens a UDP port and takes RTP on it as a
     * publisher's media, stream by stream from the SSRC (1000 + 10 × m-line index), with the payload
     * types it then offers subscribers (Opus 111, H.264 107).
     */
    @Override
    public CompletionStage<RtpFeed> publishRtp(StreamId room, PeerId publisher) {
        CompletionStage<Void> roomReady = rooms.ensure(room);
        return detached(publisher)
                .thenCompose(v -> roomReady)
                .thenCompose(v -> rooms.withAdminHandle(handle -> pluginMessage(handle, rooms.participant(rooms.id(
                        JSON.createObjectBuilder().add("request", "add_remote_publisher"), room), "id", publisher)
                        .add("secret", rooms.secret(room)).add("display", "encoder")
                        .add("streams", JSON.createArrayBuilder()
                                .add(JSON.createObjectBuilder().add("type", "audio").add("mindex", 0).add("mid", "0")
                                        .add("codec", "opus"))
                                .add(JSON.createObjectBuilder().add("type", "video").add("mindex", 1).add("mid", "1")
                                        .add("codec", "h264"))), null, false)))
                .thenCompose(r -> {
                    JsonObject data = r.getJsonObject("plugindata").getJsonObject("data");
                    remotePublishers.put(publisher, room);
                    publications.put(publisher, new PublishedMedia("0", "1", "h264", false));
                    RtpFeed feed = new RtpFeed(janus.host(), data.getInt("port"), data.getInt("rtcp_port"), 1000, 111, 1010, 107);
                    return rooms.record(room, true).handle((v, e) -> feed);
                });
    }

    @Override
    public Optional<PublishedMedia> published(PeerId publisher) {
        return Optional.ofNullable(publications.get(publisher));
    }

    @Override
    public CompletionStage<Void> forward(StreamId room, PeerId publisher, RtpTarget target) {
        PublishedMedia media = publications.get(publisher);
        if (media == null) {
            return CompletableFuture.failedFuture(new SfuException("This publisher is not publishing here."));
        }
        // Janus 1.1.2 asks for a keyframe only for forwarders made the deprecated way: the packager
        // would wait for the next periodic one (fir_freq), so a browser publisher is asked now
        Long handle = handles.get(publisher);
        return forwarders.forward(room, publisher, media, target).thenCompose(v -> handle == null
                ? CompletableFuture.completedFuture(null)
                : pluginMessage(handle, JSON.createObjectBuilder().add("request", "configure").add("keyframe", true),
                        null, true).thenAccept(r -> { }));
    }

    @Override
    public void stopForwarding(StreamId room, PeerId publisher) {
        forwarders.stop(room, publisher);
    }

    @Override
    public CompletionStage<RelayPayload> subscribe(StreamId room, PeerId viewer, PeerId publisher) {
        leave(viewer);
        return attach(viewer)
                .thenCompose(handle -> pluginMessage(handle, rooms.id(JSON.createObjectBuilder()
                        .add("request", "join"), room).add("ptype", "subscriber")
                        .add("streams", JSON.createArrayBuilder().add(rooms.participant(JSON.createObjectBuilder(),
                                "feed", publisher))), null, true))
                .thenApply(event -> {
                    rememberVideoMid(viewer, event);
                    return jsepOf(event);
                });
    }

    @Override
    public CompletionStage<Void> startSubscription(PeerId viewer, RelayPayload answer) {
        return pluginMessage(handleOf(viewer), JSON.createObjectBuilder().add("request", "start"), answer, true)
                .thenApply(e -> null);
    }

    @Override
    public void trickle(PeerId peer, RelayPayload candidate) {
        Long handle = handles.get(peer);
        if (handle == null) {
            return;
        }
        janus.trickle(handle, candidate.equals(RelayPayload.NULL) ? JSON.createObjectBuilder().add("completed", true)
                : JSON.createObjectBuilder(JanusConnection.parse(candidate.json())));
    }

    @Override
    public void selectLayer(PeerId viewer, int substream) {
        Long handle = handles.get(viewer);
        String mid = videoMids.get(viewer);
        if (handle == null || mid == null) {
            return;
        }
        pluginMessage(handle, JSON.createObjectBuilder().add("request", "configure").add("streams",
                JSON.createArrayBuilder().add(JSON.createObjectBuilder().add("mid", mid).add("substream", substream))),
                null, true);
    }

    /** A hangup on a handle we still hold: whose it was, for the ingest or delivery that cares. */
    void hungUp(@ObservesAsync JanusHangup hangup) {
        handles.entrySet().stream().filter(e -> e.getValue() == hangup.handle()).map(Map.Entry::getKey).findFirst()
                .ifPresent(peer -> peersLost.fireAsync(new SfuPeerLost(peer, hangup.reason())));
    }

    @Override
    public void leave(PeerId peer) {
        detached(peer);
    }

    /** {@link #leave}, completing once Janus has acknowledged it. */
    private CompletionStage<Void> detached(PeerId peer) {
        publications.remove(peer);
        forwarders.forget(peer);
        StreamId remoteRoom = remotePublishers.remove(peer);
        String secret = remoteRoom == null ? null : rooms.secret(remoteRoom);
        if (secret != null && reachable()) {
            return rooms.withAdminHandle(handle -> pluginMessage(handle, rooms.participant(rooms.id(
                    JSON.createObjectBuilder().add("request", "remove_remote_publisher"), remoteRoom)
                    .add("secret", secret), "id", peer), null, false)).handle((r, e) -> null);
        }
        Long handle = handles.remove(peer);
        videoMids.remove(peer);
        return handle == null ? CompletableFuture.completedFuture(null) : janus.detach(handle);
    }

    @Override
    public void closeRoom(StreamId room) {
        rooms.close(room);
    }

    /** Whether Janus has this room (for tests and diagnostics). */
    public boolean roomExists(StreamId room) {
        return rooms.exists(room);
    }

    private CompletionStage<Long> attach(PeerId peer) {
        return janus.attachHandle().thenApply(handle -> {
            handles.put(peer, handle);
            return handle;
        });
    }

    private CompletionStage<JsonObject> pluginMessage(long handle, JsonObjectBuilder body, RelayPayload jsep,
                                                      boolean async) {
        return janus.pluginMessage(handle, body, jsep, async);
    }

    private long handleOf(PeerId peer) {
        Long handle = handles.get(peer);
        if (handle == null) {
            throw new SfuException("No SFU session for this peer; join again.");
        }
        return handle;
    }

    private void rememberVideoMid(PeerId viewer, JsonObject event) {
        JsonObject data = event.getJsonObject("plugindata").getJsonObject("data");
        if (data.containsKey("streams")) {
            data.getJsonArray("streams").getValuesAs(JsonObject.class).stream()
                    .filter(s -> "video".equals(s.getString("type", ""))).findFirst()
                    .ifPresent(s -> videoMids.put(viewer, s.getString("mid")));
        }
    }

    private static RelayPayload jsepOf(JsonObject event) {
        if (!event.containsKey("jsep")) {
            throw new SfuException("Janus answered without a session description.");
        }
        return new RelayPayload(event.getJsonObject("jsep").toString());
    }
}
