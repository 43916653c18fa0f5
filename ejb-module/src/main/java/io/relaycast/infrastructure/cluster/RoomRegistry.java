package io.relaycast.infrastructure.cluster;

import static io.relaycast.application.json.JsonProviders.JSON;

import io.relaycast.domain.model.stream.StreamId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Who is in which room on which node, as Redis holds it: a hash per room (peer → member), the set of
 * rooms, and per node the set of its members (so that a dead node's are found). Each change is one
 * script that also tells every node on {@code rc:members}.
 */
@ApplicationScoped
class RoomRegistry {

    static final String MEMBERS = "rc:members";
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

    static String roomKey(StreamId id) {
        return "rc:room:" + id.value();
    }

    static String nodePeersKey(String node) {
        return "rc:node-peers:" + node;
    }

    /** Adds (or updates) a member. */
    void add(ClusterMember m) {
        write(ADD, m, "add");
    }

    void remove(ClusterMember m) {
        write(REMOVE, m, "remove");
    }

    private void write(String script, ClusterMember m, String op) {
        JsonObject member = m.toJsonObject();
        String message = JSON.createObjectBuilder().add("op", op).add("o", redis.nodeId()).add("m", member)
                .build().toString();
        redis.client().eval(script, List.of(roomKey(m.streamId()), ROOMS, nodePeersKey(m.node())),
                List.of(m.peerId().value(), member.toString(), m.streamId().value(),
                        m.streamId().value() + " " + m.peerId().value(), message));
    }

    /** The members a node held (a dead one's, to be given up). */
    List<ClusterMember> membersOf(String node) {
        List<ClusterMember> found = new ArrayList<>();
        for (String entry : redis.client().smembers(nodePeersKey(node))) {
            String[] parts = entry.split(" ", 2);
            if (parts.length == 2) {
                String json = redis.client().hget(roomKey(StreamId.of(parts[0])), parts[1]);
                if (json != null) {
                    found.add(ClusterMember.fromJson(json));
                }
            }
        }
        return found;
    }

    void forgetNode(String node) {
        redis.client().del(nodePeersKey(node));
    }

    /** Every member of every room. */
    List<ClusterMember> all() {
        List<ClusterMember> found = new ArrayList<>();
        for (String room : redis.client().smembers(ROOMS)) {
            redis.client().hgetAll(roomKey(StreamId.of(room))).values().forEach(j -> found.add(ClusterMember.fromJson(j)));
        }
        return found;
    }
}
