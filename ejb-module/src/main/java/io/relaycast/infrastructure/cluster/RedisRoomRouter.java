package io.relaycast.infrastructure.cluster;

import static io.relaycast.application.json.JsonProviders.JSON;

import io.relaycast.application.routing.CloseCause;
import io.relaycast.application.routing.Participant;
import io.relaycast.application.signaling.protocol.PeerId;
import io.relaycast.application.signaling.protocol.PeerRole;
import io.relaycast.application.routing.RoomNews;
import io.relaycast.application.routing.RoomRouter;
import io.relaycast.application.signaling.protocol.SignalEvent;
import io.relaycast.application.signaling.protocol.WireCodec;
import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.infrastructure.room.InMemoryRoomRouter;
import io.relaycast.infrastructure.room.RoomMap;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Rooms across the servers of a cluster. Redis holds who is in which room and on which node (a
 * hash per room); every node mirrors the other nodes' members from the {@code rc:members} channel,
 * so that reading a room never waits for Redis. An event for members on another node is encoded
 * once and published once per node, on that node's channel, with the peers it is for.
 */
@ApplicationScoped
@Typed(RedisRoomRouter.class)
public class RedisRoomRouter implements RoomRouter {

    static final String NEWS = "rc:news";

    @Inject
    Redis redis;

    @Inject
    RoomRegistry registry;

    @Inject
    WireCodec codec;

    @Inject
    Event<RoomNews> news;

    /** The members whose sockets this node holds: the single-server router, composed. */
    private final InMemoryRoomRouter local = new InMemoryRoomRouter();
    /** Other nodes' members: stand-ins whose transport is a {@link RemotePeer}. */
    private final RoomMap remote = new RoomMap();
    /** Local members another node removed (takeover, end): reachable until it closes them. */
    private final Map<PeerId, Participant> detached = new ConcurrentHashMap<>();

    /** Starts listening (the bean is created on first use, and that must be at start-up). */
    public void listen() {
        // the client proxy creates the bean for this call; @PostConstruct subscribed
    }

    @PostConstruct
    void start() {
        redis.listen(Map.of(RoomRegistry.MEMBERS, this::onMembership, NEWS, this::onNews, nodeChannel(redis.nodeId()),
                this::onDelivery), this::reload);
    }

    static String nodeChannel(String node) {
        return "rc:node:" + node;
    }

    @Override
    public void add(Participant p) {
        local.add(p);
        registry.add(ClusterMember.of(redis.nodeId(), p));
    }

    @Override
    public void updated(Participant p) {
        registry.add(ClusterMember.of(redis.nodeId(), p));
    }

    @Override
    public void remove(Participant p) {
        if (local.removeIfHere(p)) {
            registry.remove(ClusterMember.of(redis.nodeId(), p));
            return;
        }
        String node = nodeOf(p);
        detached.remove(p.peerId(), p);
        remote.remove(p.streamId(), p.peerId());
        if (node != null && !node.equals(redis.nodeId())) { // a member elsewhere: its node is told
            registry.remove(ClusterMember.of(node, p));
        }
    }

    @Override
    public Optional<Participant> find(StreamId streamId, PeerId peerId) {
        Optional<Participant> p = local.find(streamId, peerId);
        return p.isPresent() ? p : Optional.ofNullable(remote.get(streamId, peerId));
    }

    @Override
    public List<Participant> members(StreamId streamId) {
        return Stream.concat(local.members(streamId).stream(), remote.members(streamId).stream()).toList();
    }

    /** Every member this node holds, in every room. */
    List<Participant> allLocal() {
        return local.all();
    }

    @Override
    public RoomRouter local() {
        return local;
    }

    @Override
    public void publish(StreamId streamId, SignalEvent event, Predicate<Participant> filter) {
        local.publish(streamId, event, filter);
        List<Participant> others = remote.members(streamId);
        if (others.isEmpty()) {
            return;
        }
        Map<String, List<PeerId>> matched = new HashMap<>();
        Map<String, Integer> total = new HashMap<>();
        for (Participant p : others) {
            String node = nodeOf(p);
            total.merge(node, 1, Integer::sum);
            if (filter.test(p)) {
                matched.computeIfAbsent(node, n -> new ArrayList<>()).add(p.peerId());
            }
        }
        matched.forEach((node, peers) ->
                sendToNode(node, streamId, peers.size() == total.get(node) ? null : peers, event));
    }

    @Override
    public boolean deliver(StreamId streamId, PeerId peerId, SignalEvent event) {
        Optional<Participant> p = find(streamId, peerId);
        p.ifPresent(x -> x.send(event));
        return p.isPresent();
    }

    /** Publishes the event to the node for the given peers of the room (null: all it holds). */
    boolean sendToNode(String node, StreamId streamId, List<PeerId> peers, SignalEvent event) {
        var b = JSON.createObjectBuilder().add("op", "send").add("s", streamId.value())
                .add("t", codec.encode(event)).add("x", SignalEvent.isSheddable(event));
        if (peers != null) {
            JsonArrayBuilder ids = JSON.createArrayBuilder();
            peers.forEach(id -> ids.add(id.value()));
            b.add("p", ids);
        }
        redis.client().publish(nodeChannel(node), b.build().toString());
        return true;
    }

    void closeOnNode(String node, StreamId streamId, PeerId peerId, CloseCause cause) {
        redis.client().publish(nodeChannel(node), JSON.createObjectBuilder().add("op", "close")
                .add("s", streamId.value()).add("p", peerId.value()).add("c", cause.name()).build().toString());
    }

    /** The stand-ins of every member a (dead) node held, read from Redis. */
    List<Participant> membersOf(String node) {
        return registry.membersOf(node).stream().map(this::standIn).toList();
    }

    private Participant standIn(ClusterMember m) {
        return m.standIn(new RemotePeer(this, m.node(), m.streamId(), m.peerId()));
    }

    @Override
    public int roomCount() {
        return (int) Stream.concat(local.roomIds().stream(), remote.roomIds().stream()).distinct().count();
    }

    @Override
    public int memberCount() {
        return local.memberCount() + remote.size();
    }

    @Override
    public int memberCount(PeerRole role) {
        return local.memberCount(role) + remote.count(role);
    }

    // --- what other nodes tell this one (subscriber thread) ---

    private void onMembership(String message) {
        JsonObject o = parse(message);
        if (redis.nodeId().equals(o.getString("o"))) {
            return;
        }
        ClusterMember m = ClusterMember.from(o.getJsonObject("m"));
        boolean add = "add".equals(o.getString("op"));
        if (m.node().equals(redis.nodeId())) {
            if (!add) { // another node took this member off the room: it must not look like a drop
                Participant p = local.remove(m.streamId(), m.peerId());
                if (p != null) {
                    p.markDetached();
                    detached.put(p.peerId(), p);
                }
            }
        } else if (add) {
            remote.put(standIn(m));
        } else {
            remote.remove(m.streamId(), m.peerId());
        }
    }

    private void onDelivery(String message) {
        JsonObject o = parse(message);
        StreamId streamId = StreamId.of(o.getString("s"));
        if ("close".equals(o.getString("op"))) {
            PeerId peerId = new PeerId(o.getString("p"));
            Participant p = Optional.ofNullable(detached.remove(peerId))
                    .orElse(local.find(streamId, peerId).orElse(null));
            if (p != null) {
                p.close(CloseCause.valueOf(o.getString("c")));
            }
            return;
        }
        SignalEvent event = new SignalEvent.Encoded(o.getString("t"), o.getBoolean("x"));
        if (!o.containsKey("p")) {
            local.publish(streamId, event, p -> true);
            return;
        }
        for (JsonString id : o.getJsonArray("p").getValuesAs(JsonString.class)) {
            PeerId peerId = new PeerId(id.getString());
            Participant p = local.find(streamId, peerId).orElse(detached.get(peerId));
            if (p != null) {
                p.send(event);
            }
        }
    }

    private void onNews(String message) {
        JsonObject o = parse(message);
        if (!redis.nodeId().equals(o.getString("o"))) {
            news.fire(new RoomNews(StreamId.of(o.getString("s")), RoomNews.Kind.valueOf(o.getString("k"))));
        }
    }

    /** After (re)subscribing: the other nodes' members as Redis has them now. */
    private void reload() {
        RoomMap fresh = new RoomMap();
        registry.all().stream().filter(m -> !m.node().equals(redis.nodeId())).forEach(m -> fresh.put(standIn(m)));
        remote.replaceWith(fresh);
    }


    private boolean isLocal(Participant p) {
        return local.find(p.streamId(), p.peerId()).orElse(null) == p || detached.get(p.peerId()) == p;
    }

    private String nodeOf(Participant p) {
        return p.transport() instanceof RemotePeer r ? r.node() : isLocal(p) ? redis.nodeId() : null;
    }

    private static JsonObject parse(String json) {
        try (var reader = JSON.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
