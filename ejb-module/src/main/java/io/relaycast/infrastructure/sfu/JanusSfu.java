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
import java.util.concurrent.TimeUnit;

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
    private JanusRemotePublishers remotePublishers;

    @Inject
    JanusForwarders forwarders;

    @Inject
    SfuMetrics metrics;

    @Inject
    Event<SfuPeerLost> peersLost;

    /** The Janus instances an audience overflows onto (JANUS_URLS after the first), and the cascades made to them. */
    @Inject
    JanusEdges edges;

    /** Audiences past this Janus's capacity: cascaded onto the other instances. */
    private JanusCascades cascades;
    /** Viewers subscribed on this (the first) Janus, and their room: its load. */
    private final Map<PeerId, StreamId> subscribers = new ConcurrentHashMap<>();
    private KeyframePacer keyframes;
    private final Map<StreamId, PeerId> roomPublishers = new ConcurrentHashMap<>();

    @PostConstruct
    void init() {
        metrics.ensureRegistered();
        remotePublishers = new JanusRemotePublishers(janus, rooms);
        keyframes = new KeyframePacer(System::currentTimeMillis, (ms, task) -> CompletableFuture.runAsync(task,
                CompletableFuture.delayedExecutor(ms, TimeUnit.MILLISECONDS)), room -> keyframe(roomPublishers.get(room)));
        cascades = new JanusCascades(forwarders, edges, keyframes);
        janus.onNewSession(() -> {
            cascades.forgetAll();
            subscribers.clear();
            roomPublishers.clear();
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

    /** Viewers on this (the first) Janus. */
    int subscribers() {
        return subscribers.size();
    }

    @Override
    public Map<String, Boolean> instances() {
        return edges.reachability(reachable());
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
                    RelayPayload answer = JanusConnection.jsepOf(event);
                    AnsweredMedia.of(JanusConnection.parse(answer.json()).getString("sdp", ""))
                            .ifPresent(m -> publications.put(publisher, m));
                    roomPublishers.put(room, publisher);
                    return rooms.record(room, false).handle((v, e) -> answer);
                });
    }

    /** An encoder's plain RTP as the room's publisher ({@link JanusRemotePublishers}). */
    @Override
    public CompletionStage<RtpFeed> publishRtp(StreamId room, PeerId publisher) {
        CompletionStage<Void> roomReady = rooms.ensure(room);
        return detached(publisher).thenCompose(v -> roomReady).thenCompose(v -> remotePublishers.add(room, publisher))
                .thenCompose(feed -> {
                    publications.put(publisher, new PublishedMedia("0", "1", "h264", false));
                    roomPublishers.put(room, publisher); // its leaving must undo the cascades fed from it
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
        return forwarders.forward(room, publisher, media, target).thenCompose(v -> keyframe(publisher));
    }

    /** Asks a browser publisher here for a keyframe (an encoder's RTP cannot be asked). */
    private CompletionStage<Void> keyframe(PeerId publisher) {
        Long handle = publisher == null ? null : handles.get(publisher);
        return handle == null ? CompletableFuture.completedFuture(null) : pluginMessage(handle, JSON.createObjectBuilder()
                .add("request", "configure").add("keyframe", true), null, true).thenAccept(r -> { });
    }

    @Override
    public void stopForwarding(StreamId room, PeerId publisher) {
        forwarders.stop(room, publisher);
    }

    @Override
    public CompletionStage<RelayPayload> subscribe(StreamId room, PeerId viewer, PeerId publisher) {
        leave(viewer);
        // past this Janus's capacity, a publisher held here is cascaded to the least-loaded other one
        Optional<CompletionStage<RelayPayload>> elsewhere = cascades.overflow(room, viewer, publisher,
                publications.get(publisher), subscribers.size());
        if (elsewhere.isPresent()) {
            return elsewhere.get();
        }
        subscribers.put(viewer, room);
        return attach(viewer)
                .thenCompose(handle -> pluginMessage(handle, rooms.id(JSON.createObjectBuilder()
                        .add("request", "join"), room).add("ptype", "subscriber")
                        .add("streams", JSON.createArrayBuilder().add(rooms.participant(JSON.createObjectBuilder(),
                                "feed", publisher))), null, true))
                .thenApply(event -> {
                    AnsweredMedia.videoMidOf(event).ifPresent(mid -> videoMids.put(viewer, mid));
                    return JanusConnection.jsepOf(event);
                });
    }

    @Override
    public CompletionStage<Void> startSubscription(PeerId viewer, RelayPayload answer) {
        StreamId room = subscribers.get(viewer);
        return cascades.start(viewer, answer).orElseGet(() -> pluginMessage(handleOf(viewer), JSON.createObjectBuilder().add("request", "start"), answer, true)
                .thenApply(e -> {
                    if (room != null) {
                        keyframes.started(room);
                    }
                    return null;
                }));
    }

    @Override
    public void trickle(PeerId peer, RelayPayload candidate) {
        JsonObjectBuilder c = candidate.equals(RelayPayload.NULL) ? JSON.createObjectBuilder().add("completed", true)
                : JSON.createObjectBuilder(JanusConnection.parse(candidate.json()));
        Long handle = handles.get(peer);
        if (handle != null) {
            janus.trickle(handle, c);
        } else {
            cascades.trickle(peer, c);
        }
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
        cascades.leave(peer);
        subscribers.remove(peer);
        if (publications.remove(peer) != null) {
            roomPublishers.forEach((room, p) -> {
                if (p.equals(peer) && roomPublishers.remove(room, p)) {
                    cascades.publisherGone(room);
                }
            });
        }
        forwarders.forget(peer);
        Optional<CompletionStage<Void>> encoder = remotePublishers.remove(peer);
        if (encoder.isPresent()) {
            return encoder.get();
        }
        Long handle = handles.remove(peer);
        videoMids.remove(peer);
        return handle == null ? CompletableFuture.completedFuture(null) : janus.detach(handle);
    }

    @Override
    public void closeRoom(StreamId room) {
        rooms.close(room);
        cascades.roomClosed(room);
        keyframes.forget(room);
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

}
