package io.relaycast.infrastructure.cluster;

import static io.relaycast.application.json.JsonProviders.JSON;

import io.relaycast.application.delivery.relay.RelayTree;
import io.relaycast.application.delivery.relay.RelayTreeStore;
import io.relaycast.domain.model.stream.StreamId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Relay trees in Redis: a hash per room with the version and the tree (its snapshot as JSON). Read
 * and written under the room's cluster lock, so versions only grow one at a time.
 */
@ApplicationScoped
@Typed(RedisRelayTrees.class)
public class RedisRelayTrees implements RelayTreeStore {

    @Inject
    Redis redis;

    private static String key(StreamId room) {
        return "rc:relay:" + room.value();
    }

    @Override
    public long version(StreamId room) {
        String v = redis.client().hget(key(room), "v");
        return v == null ? 0 : Long.parseLong(v);
    }

    @Override
    public Optional<Saved> load(StreamId room) {
        List<String> vt = redis.client().hmget(key(room), "v", "t");
        if (vt.get(0) == null || vt.get(1) == null) {
            return Optional.empty();
        }
        try (var reader = JSON.createReader(new StringReader(vt.get(1)))) {
            JsonObject o = reader.readObject();
            List<RelayTree.NodeView> views = new ArrayList<>();
            for (JsonValue n : o.getJsonArray("n")) {
                JsonArray a = n.asJsonArray();
                views.add(new RelayTree.NodeView(a.getString(0), a.isNull(1) ? null : a.getString(1), 0,
                        a.getJsonNumber(2).doubleValue(), a.getBoolean(3), a.isNull(4) ? null : a.getString(4),
                        List.of()));
            }
            return Optional.of(new Saved(Long.parseLong(vt.get(0)), RelayTree.restore(o.getInt("f"), views)));
        }
    }

    @Override
    public long save(StreamId room, RelayTree tree) {
        JsonArrayBuilder nodes = JSON.createArrayBuilder();
        for (RelayTree.NodeView v : tree.snapshot()) {
            JsonArrayBuilder a = JSON.createArrayBuilder().add(v.id());
            if (v.parent() == null) {
                a.addNull();
            } else {
                a.add(v.parent());
            }
            a.add(v.score()).add(v.canRelay());
            if (v.site() == null) {
                a.addNull();
            } else {
                a.add(v.site());
            }
            nodes.add(a);
        }
        String json = JSON.createObjectBuilder().add("f", tree.fanout()).add("n", nodes).build().toString();
        long version = redis.client().hincrBy(key(room), "v", 1);
        redis.client().hset(key(room), "t", json);
        return version;
    }

    @Override
    public void forget(StreamId room) {
        redis.client().del(key(room));
    }
}
