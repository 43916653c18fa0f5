package io.relaycast.infrastructure.cluster;

import static io.relaycast.application.JsonProviders.JSON;

import io.relaycast.application.signaling.CloseCause;
import io.relaycast.application.signaling.Participant;
import io.relaycast.application.signaling.PeerId;
import io.relaycast.application.signaling.PeerRole;
import io.relaycast.application.signaling.RoomNews;
import io.relaycast.application.signaling.RoomRouter;
import io.relaycast.application.signaling.SignalEvent;
import io.relaycast.application.signaling.WireCodec;
import io.relaycast.domain.model.StreamId;
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

    static final String MEMBERS = "rc:members";
    static final String NEWS = "rc:news";
    static final String ROOMS = "rc:rooms";

    private static final String ADD = """
            redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
            redis.call('SADD', KEYS[2], ARGV[3])
            redis.call('SADD', KEYS[3], ARGV[4])
            redis.call('PUBLISH', 'rc:members', ARGV[5])
            return 1""";
    private static final String REMOVE = """
            local removed = redis.call('HDEL', KEYS[1], ARGV[1])
            redis.call('SREM', KEYS[3], ARGV[4])
            if redis.call('HLEN', KEYS[1]) == 0 then redis.call('SREM', KEYS[2], ARGV[3]) end
            if removed == 1 then redis.call('PUBLISH', 'rc:members', ARGV[5]) end
            return removed""";

    @Inject
    Redis redis;

    @Inject
    WireCodec codec;

    @Inject
    Event<RoomNews> news;

    private final Map<StreamId, Map<PeerId, Participant>> local = new ConcurrentHashMap<>();
    /** Other nodes' members: stand-ins whose transport is a {@link RemotePeer}. */
    private final Map<StreamId, Map<PeerId, Participant>> remote = new ConcurrentHashMap<>();
    /** Local members another node removed (takeover, end): reachable until it closes them. */
    private final Map<PeerId, Participant> detached = new ConcurrentHashMap<>();

    /** Starts listening (the bean is created on first use, and that must be at start-up). */
    public void listen() {
        // the client proxy creates the bean for this call; @PostConstruct subscribed
    }

    @PostConstruct
    void start() {
        redis.listen(Map.of(MEMBERS, this::onMembership, NEWS, this::onNews, nodeChannel(redis.nodeId()),
                this::onDelivery), this::reload);
    }

    static String roomKey(StreamId id) {
        return "rc:room:" + id.value();
    }

    static String nodePeersKey(String node) {
        return "rc:node-peers:" + node;
    }

    static String nodeChannel(String node) {
        return "rc:node:" + node;
    }

    @Override
    public void add(Participant p) {
        local.computeIfAbsent(p.streamId(), k -> new ConcurrentHashMap<>()).put(p.peerId(), p);
        write(ADD, ClusterMember.of(redis.nodeId(), p), "add");
    }

    @Override
    public void admitted(Participant p) {
        write(ADD, ClusterMember.of(redis.nodeId(), p), "add");
    }

    @Override
    public void remove(Participant p) {
        Map<PeerId, Participant> room = local.get(p.streamId());
        if (room != null && room.remove(p.peerId(), p)) {
            local.computeIfPresent(p.streamId(), (k, r) -> r.isEmpty() ? null : r);
            write(REMOVE, ClusterMember.of(redis.nodeId(), p), "remove");
            return;
        }
        String node = nodeOf(p);
        detached.remove(p.peerId(), p);
        dropRemote(p.streamId(), p.peerId());
        if (node != null && !node.equals(redis.nodeId())) { // a member elsewhere: its node is told
            write(REMOVE, ClusterMember.of(node, p), "remove");
        }
    }

    private void write(String script, ClusterMember m, String op) {
        JsonObject member = m.toJsonObject();
        String message = JSON.createObjectBuilder().add("op", op).add("o", redis.nodeId()).add("m", member)
                .build().toString();
        redis.client().eval(script, List.of(roomKey(m.streamId()), ROOMS, nodePeersKey(m.node())),
                List.of(m.peerId().value(), member.toString(), m.streamId().value(),
                        m.streamId().value() + " " + m.peerId().value(), message));
    }

    @Override
    public Optional<Participant> find(StreamId streamId, PeerId peerId) {
        if (peerId == null) {
            return Optional.empty();
        }
        Participant p = get(local, streamId, peerId);
        return Optional.ofNullable(p != null ? p : get(remote, streamId, peerId));
    }

    @Override
    public List<Participant> members(StreamId streamId) {
        return Stream.concat(localMembers(streamId).stream(), values(remote, streamId).stream()).toList();
    }

    /** Every member this node holds, in every room. */
    List<Participant> allLocal() {
        return local.values().stream().flatMap(r -> r.values().stream()).toList();
    }

    @Override
    public List<Participant> localMembers(StreamId streamId) {
        return values(local, streamId);
    }

    @Override
    public void publish(StreamId streamId, SignalEvent event, Predicate<Participant> filter) {
        for (Participant p : values(local, streamId)) {
            if (filter.test(p)) {
                p.send(event);
            }
        }
        Map<PeerId, Participant> others = remote.get(streamId);
        if (others == null || others.isEmpty()) {
            return;
        }
        Map<String, List<PeerId>> matched = new HashMap<>();
        Map<String, Integer> total = new HashMap<>();
        for (Participant p : others.values()) {
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

    @Override
    public void announce(RoomNews n) {
        redis.client().publish(NEWS, JSON.createObjectBuilder().add("o", redis.nodeId())
                .add("s", n.streamId().value()).add("k", n.kind().name()).build().toString());
    }

    /** The stand-ins of every member a (dead) node held, read from Redis. */
    List<Participant> membersOf(String node) {
        List<Participant> found = new ArrayList<>();
        for (String entry : redis.client().smembers(nodePeersKey(node))) {
            String[] parts = entry.split(" ", 2);
            if (parts.length == 2) {
                String json = redis.client().hget(roomKey(StreamId.of(parts[0])), parts[1]);
                if (json != null) {
                    ClusterMember m = ClusterMember.fromJson(json);
                    found.add(m.standIn(new RemotePeer(this, m.node(), m.streamId(), m.peerId())));
                }
            }
        }
        return found;
    }

    @Override
    public int roomCount() {
        return (int) Stream.concat(local.keySet().stream(), remote.keySet().stream()).distinct().count();
    }

    @Override
    public int memberCount() {
        return localMemberCount() + remote.values().stream().mapToInt(Map::size).sum();
    }

    @Override
    public int memberCount(PeerRole role) {
        return localMemberCount(role) + count(remote, role);
    }

    @Override
    public int localRoomCount() {
        return local.size();
    }

    @Override
    public int localMemberCount() {
        return local.values().stream().mapToInt(Map::size).sum();
    }

    @Override
    public int localMemberCount(PeerRole role) {
        return count(local, role);
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
                Participant p = get(local, m.streamId(), m.peerId());
                if (p != null) {
                    p.markDetached();
                    detached.put(p.peerId(), p);
                    Map<PeerId, Participant> room = local.get(m.streamId());
                    room.remove(p.peerId(), p);
                    local.computeIfPresent(m.streamId(), (k, r) -> r.isEmpty() ? null : r);
                }
            }
        } else if (add) {
            mirror(m);
        } else {
            dropRemote(m.streamId(), m.peerId());
        }
    }

    private void onDelivery(String message) {
        JsonObject o = parse(message);
        StreamId streamId = StreamId.of(o.getString("s"));
        if ("close".equals(o.getString("op"))) {
            PeerId peerId = new PeerId(o.getString("p"));
            Participant p = Optional.ofNullable(detached.remove(peerId)).orElse(get(local, streamId, peerId));
            if (p != null) {
                p.close(CloseCause.valueOf(o.getString("c")));
            }
            return;
        }
        SignalEvent event = new SignalEvent.Encoded(o.getString("t"), o.getBoolean("x"));
        if (!o.containsKey("p")) {
            values(local, streamId).forEach(p -> p.send(event));
            return;
        }
        for (JsonString id : o.getJsonArray("p").getValuesAs(JsonString.class)) {
            PeerId peerId = new PeerId(id.getString());
            Participant p = Optional.ofNullable(get(local, streamId, peerId)).orElse(detached.get(peerId));
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
        Map<StreamId, Map<PeerId, Participant>> fresh = new ConcurrentHashMap<>();
        for (String room : redis.client().smembers(ROOMS)) {
            for (String json : redis.client().hgetAll(roomKey(StreamId.of(room))).values()) {
                ClusterMember m = ClusterMember.fromJson(json);
                if (!m.node().equals(redis.nodeId())) {
                    fresh.computeIfAbsent(m.streamId(), k -> new ConcurrentHashMap<>())
                            .put(m.peerId(), m.standIn(new RemotePeer(this, m.node(), m.streamId(), m.peerId())));
                }
            }
        }
        remote.keySet().retainAll(fresh.keySet());
        remote.putAll(fresh);
    }

    private void mirror(ClusterMember m) {
        remote.computeIfAbsent(m.streamId(), k -> new ConcurrentHashMap<>())
                .put(m.peerId(), m.standIn(new RemotePeer(this, m.node(), m.streamId(), m.peerId())));
    }

    private Participant dropRemote(StreamId streamId, PeerId peerId) {
        Map<PeerId, Participant> room = remote.get(streamId);
        Participant p = room == null ? null : room.remove(peerId);
        remote.computeIfPresent(streamId, (k, r) -> r.isEmpty() ? null : r);
        return p;
    }

    private boolean isLocal(Participant p) {
        return get(local, p.streamId(), p.peerId()) == p || detached.get(p.peerId()) == p;
    }

    private String nodeOf(Participant p) {
        return p.transport() instanceof RemotePeer r ? r.node() : isLocal(p) ? redis.nodeId() : null;
    }

    private static Participant get(Map<StreamId, Map<PeerId, Participant>> rooms, StreamId s, PeerId id) {
        Map<PeerId, Participant> room = rooms.get(s);
        return room == null ? null : room.get(id);
    }

    private static List<Participant> values(Map<StreamId, Map<PeerId, Participant>> rooms, StreamId s) {
        Map<PeerId, Participant> room = rooms.get(s);
        return room == null ? List.of() : List.copyOf(room.values());
    }

    private static int count(Map<StreamId, Map<PeerId, Participant>> rooms, PeerRole role) {
        return (int) rooms.values().stream().flatMap(r -> r.values().stream()).filter(p -> p.role() == role).count();
    }

    private static JsonObject parse(String json) {
        try (var reader = JSON.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
