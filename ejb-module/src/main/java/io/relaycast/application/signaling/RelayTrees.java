package io.relaycast.application.signaling;

import io.relaycast.application.relay.RelayTree;
import io.relaycast.domain.model.StreamId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The relay trees of this server's rooms (in memory, like the rooms themselves; another
 * implementation would keep them where every node sees them). Guarded by the rooms' locks.
 */
@ApplicationScoped
public class RelayTrees {

    private final Map<StreamId, RelayTree> trees = new ConcurrentHashMap<>();

    @Inject
    StreamFactsCache facts;

    RelayTree of(StreamId room, Supplier<String> rootId) {
        return trees.computeIfAbsent(room, k -> new RelayTree(rootId.get(), facts.get(room).relayFanout()));
    }

    Optional<RelayTree> find(StreamId room) {
        return Optional.ofNullable(trees.get(room));
    }

    void forget(StreamId room) {
        trees.remove(room);
    }
}
