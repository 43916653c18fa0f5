package io.relaycast.infrastructure.sfu;

import static io.relaycast.application.json.JsonProviders.JSON;

import io.relaycast.application.delivery.sfu.PublishedMedia;
import io.relaycast.application.delivery.sfu.RtpFeed;
import io.relaycast.application.delivery.sfu.SfuException;
import io.relaycast.application.signaling.protocol.PeerId;
import io.relaycast.application.signaling.protocol.RelayPayload;
import io.relaycast.domain.model.stream.StreamId;
import jakarta.json.JsonObjectBuilder;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The VideoRoom plugin of one Janus instance as this server uses it: its rooms, and one plugin
 * handle per publishing broadcaster or subscribing viewer placed on it; copies of rooms whose
 * broadcaster publishes to another instance ({@link JanusCascades}).
 */
final class JanusVideoRoom implements SfuPlacement.Instance {

    final JanusInstance janus;
    final JanusRooms rooms;
    final JanusForwarders forwarders;
    private final JanusRemotePublishers remotePublishers;
    private final Map<PeerId, Long> handles = new ConcurrentHashMap<>();
    private final Map<PeerId, String> videoMids = new ConcurrentHashMap<>();
    /** What each publisher here sends (for forwarders and cascades). */
    private final Map<PeerId, PublishedMedia> publications = new ConcurrentHashMap<>();
    private final Map<StreamId, PeerId> roomPublishers = new ConcurrentHashMap<>();
    /** Viewers subscribed here (or being subscribed), and their room: its load. */
    private final Map<PeerId, Subscription> subscribers = new ConcurrentHashMap<>();
    private volatile int elsewhere;

    JanusVideoRoom(JanusInstance janus, JanusRooms rooms) {
        this.janus = janus;
        this.rooms = rooms;
        this.forwarders = new JanusForwarders(janus, rooms);
        this.remotePublishers = new JanusRemotePublishers(janus, rooms);
    }

    @Override
    public boolean reachable() {
        return janus.reachable();
    }

    /** Viewers here now, this server's and (on a cluster) the others' as of their last word. */
    @Override
    public int subscribers() {
        return subscribers.size() + elsewhere;
    }

    /** This server's viewers here. */
    int localSubscribers() {
        return subscribers.size();
    }

    /** The other servers' viewers here ({@link io.relaycast.application.delivery.sfu.SfuLoadShare}). */
    void elsewhere(int viewers) {
        elsewhere = viewers;
    }

    /** Publishers and viewers here: where the next stream is placed (the least). */
    @Override
    public int load() {
        return handles.size() + remotePublishers.count() + elsewhere;
    }

    int handles() {
        return handles.size();
    }

    boolean holds(PeerId peer) {
        return handles.containsKey(peer) || subscribers.containsKey(peer) || remotePublishers.holds(peer);
    }

    /** Whether a publisher of this server publishes into the room here. */
    boolean publishes(StreamId room) {
        return roomPublishers.containsKey(room);
    }

    /** The publisher of this server publishing into the room here, if any. */
    Optional<PeerId> publisherOf(StreamId room) {
        return Optional.ofNullable(roomPublishers.get(room));
    }

    Optional<PublishedMedia> published(PeerId publisher) {
        return Optional.ofNullable(publications.get(publisher));
    }

    CompletionStage<RelayPayload> publish(StreamId room, PeerId publisher, RelayPayload offer) {
        return rooms.ensure(room)
                .thenCompose(v -> attach(publisher))
                .thenCompose(handle -> janus.pluginMessage(handle, rooms.participant(rooms.id(JSON.createObjectBuilder()
                        .add("request", "joinandconfigure"), room).add("ptype", "publisher"), "id", publisher)
                        .add("display", "broadcaster").add("audio", true).add("video", true), offer, true))
                .thenCompose(event -> {
                    RelayPayload answer = JanusConnection.jsepOf(event);
                    AnsweredMedia.of(JanusConnection.parse(answer.json()).getString("sdp", ""))
                            .ifPresent(m -> publications.put(publisher, m));
                    roomPublishers.put(room, publisher);
                    return rooms.record(room, false).handle((v, e) -> answer);
                });
    }

    /** An encoder's plain RTP as the room's publisher ({@link JanusRemotePublishers}). */
    CompletionStage<RtpFeed> publishRtp(StreamId room, PeerId publisher) {
        return rooms.ensure(room).thenCompose(v -> remotePublishers.add(room, publisher)).thenCompose(feed -> {
            publications.put(publisher, new PublishedMedia("0", "1", "h264", false));
            roomPublishers.put(room, publisher); // its leaving must undo the cascades fed from it
            return rooms.record(room, true).handle((v, e) -> feed);
        });
    }

    /** A remote publisher (a cascade's) into a room here; completes with where to send its RTP. */
    CompletionStage<RtpFeed> addRemotePublisher(StreamId room, PeerId publisher, String display, String videoCodec) {
        return remotePublishers.add(room, publisher, display, videoCodec);
    }

    /** The cascade's participant id in a room's copy (the same on every node of a cluster). */
    static PeerId cascadeOf(StreamId room) {
        return new PeerId("cascade-" + room.value());
    }

    /**
     * Subscribes the viewer to the feed (the room's publisher, or its cascade); completes with Janus's
     * offer. Only the latest subscription of a viewer stands: an earlier one still on its way leaves
     * no handle behind, nor does one that failed.
     */
    CompletionStage<RelayPayload> subscribe(StreamId room, PeerId viewer, PeerId feed) {
        Subscription mine = new Subscription(room);
        subscribers.put(viewer, mine); // its load counts from now, not once Janus answered
        return janus.attachHandle().thenCompose(handle -> {
            if (subscribers.get(viewer) != mine) { // it left, or was subscribed anew, meanwhile
                janus.detach(handle);
                throw new SfuException("The viewer left.");
            }
            Long replaced = handles.put(viewer, handle);
            if (replaced != null && replaced != handle) {
                janus.detach(replaced);
            }
            return janus.pluginMessage(handle, rooms.id(JSON.createObjectBuilder().add("request", "join"), room)
                    .add("ptype", "subscriber").add("streams", JSON.createArrayBuilder()
                            .add(rooms.participant(JSON.createObjectBuilder(), "feed", feed))), null, true);
        }).thenApply(event -> {
            AnsweredMedia.videoMidOf(event).ifPresent(mid -> videoMids.put(viewer, mid));
            return JanusConnection.jsepOf(event);
        }).whenComplete((offer, e) -> {
            if (e != null && subscribers.remove(viewer, mine)) { // failed: it holds nothing here (nor counts)
                videoMids.remove(viewer);
                Long handle = handles.remove(viewer);
                if (handle != null) {
                    janus.detach(handle);
                }
            }
        });
    }

    /** One subscription of a viewer, told apart by identity (a later one replaces it). */
    private static final class Subscription {
        final StreamId room;

        Subscription(StreamId room) {
            this.room = room;
        }
    }

    StreamId roomOf(PeerId viewer) {
        Subscription s = subscribers.get(viewer);
        return s == null ? null : s.room;
    }

    CompletionStage<Void> start(PeerId viewer, RelayPayload answer) {
        return janus.pluginMessage(handleOf(viewer), JSON.createObjectBuilder().add("request", "start"), answer, true)
                .thenApply(e -> null);
    }

    void trickle(PeerId peer, JsonObjectBuilder candidate) {
        Long handle = handles.get(peer);
        if (handle != null) {
            janus.trickle(handle, candidate);
        }
    }

    void selectLayer(PeerId viewer, int substream) {
        Long handle = handles.get(viewer);
        String mid = videoMids.get(viewer);
        if (handle != null && mid != null) {
            janus.pluginMessage(handle, JSON.createObjectBuilder().add("request", "configure").add("streams",
                    JSON.createArrayBuilder().add(JSON.createObjectBuilder().add("mid", mid).add("substream", substream))),
                    null, true);
        }
    }

    /** Asks the room's browser publisher here for a keyframe (an encoder's RTP cannot be asked). */
    CompletionStage<Void> keyframe(StreamId room) {
        PeerId publisher = roomPublishers.get(room);
        Long handle = publisher == null ? null : handles.get(publisher);
        return handle == null ? CompletableFuture.completedFuture(null) : janus.pluginMessage(handle,
                JSON.createObjectBuilder().add("request", "configure").add("keyframe", true), null, true).thenAccept(r -> { });
    }

    /** The peer whose PeerConnection Janus closed, if it is one of ours. */
    Optional<PeerId> peerOf(long handle) {
        return handles.entrySet().stream().filter(e -> e.getValue() == handle).map(Map.Entry::getKey).findFirst();
    }

    /** The peer leaves (completes once Janus let it go); the room it published into here, if it did. */
    CompletionStage<Optional<StreamId>> leave(PeerId peer) {
        subscribers.remove(peer);
        Optional<StreamId> published = Optional.empty();
        if (publications.remove(peer) != null) {
            published = roomPublishers.entrySet().stream().filter(e -> e.getValue().equals(peer)).map(Map.Entry::getKey)
                    .filter(room -> roomPublishers.remove(room, peer)).findFirst();
        }
        Optional<StreamId> room = published;
        forwarders.forget(peer);
        Optional<CompletionStage<Void>> encoder = remotePublishers.remove(peer);
        if (encoder.isPresent()) {
            return encoder.get().thenApply(v -> room);
        }
        Long handle = handles.remove(peer);
        videoMids.remove(peer);
        return handle == null ? CompletableFuture.completedFuture(room) : janus.detach(handle).thenApply(v -> room);
    }

    /** The stream ended (or its copy here is no longer fed): the room goes, and the viewers here with it. */
    Set<PeerId> closeRoom(StreamId room) {
        rooms.close(room);
        remotePublishers.roomGone(room);
        Set<PeerId> viewers = subscribers.entrySet().stream().filter(e -> e.getValue().room.equals(room))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        viewers.forEach(v -> {
            subscribers.remove(v);
            videoMids.remove(v);
            Long handle = handles.remove(v);
            if (handle != null) {
                janus.detach(handle);
            }
        });
        return viewers;
    }

    /**
     * The session was lost with everything in it: what it held is forgotten; the viewers it held are
     * handed back by room, and the rooms its publishers published into.
     */
    Lost lost() {
        Map<PeerId, StreamId> viewers = new java.util.HashMap<>();
        subscribers.forEach((viewer, s) -> viewers.put(viewer, s.room));
        Lost lost = new Lost(viewers, Set.copyOf(roomPublishers.keySet()));
        subscribers.clear();
        roomPublishers.clear();
        handles.clear();
        videoMids.clear();
        publications.clear();
        remotePublishers.clear();
        forwarders.forgetAll();
        rooms.forgetAll();
        return lost;
    }

    /** What a lost instance held: viewers by room, and the rooms published into it. */
    record Lost(Map<PeerId, StreamId> viewers, Set<StreamId> published) {
    }

    private CompletionStage<Long> attach(PeerId peer) {
        return janus.attachHandle().thenApply(handle -> {
            handles.put(peer, handle);
            return handle;
        });
    }

    private long handleOf(PeerId peer) {
        Long handle = handles.get(peer);
        if (handle == null) {
            throw new SfuException("No SFU session for this peer; join again.");
        }
        return handle;
    }
}
