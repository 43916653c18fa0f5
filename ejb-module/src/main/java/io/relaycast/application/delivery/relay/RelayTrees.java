package io.relaycast.application.delivery.relay;

import io.relaycast.application.signaling.StreamFactsCache;
import io.relaycast.domain.model.stream.StreamId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The relay trees of the rooms, guarded by the rooms' locks. In memory; on a cluster also in the
 * {@link RelayTreeStore}: a node re-reads a room's tree when another node saved a newer version, and
 * saves it after every change it makes.
 */
@ApplicationScoped
public class RelayTrees {

    private record Held(RelayTree tree, long version) {
    }

    private final Map<StreamId, Held> trees = new ConcurrentHashMap<>();

    private StreamFactsCache facts;
    private RelayTreeStore store;

    /** For the container's proxy. */
    protected RelayTrees() {
    }

    @Inject
    public RelayTrees(StreamFactsCache facts, RelayTreeStore store) {
        this.facts = facts;
        this.store = store;
    }

    RelayTree of(StreamId room, Supplier<String> rootId) {
        Optional<RelayTree> current = find(room);
        if (current.isPresent()) {
            return current.get();
        }
        RelayTree fresh = new RelayTree(rootId.get(), facts.get(room).relayFanout());
        trees.put(room, new Held(fresh, 0));
        return fresh;
    }

    Optional<RelayTree> find(StreamId room) {
        Held held = trees.get(room);
        if (store.version(room) != (held == null ? 0 : held.version())) {
            Optional<RelayTreeStore.Saved> saved = store.load(room);
            held = saved.map(s -> new Held(s.tree(), s.version())).orElse(null);
            if (held == null) {
                trees.remove(room);
            } else {
                trees.put(room, held);
            }
        }
        return Optional.ofNullable(held).map(Held::tree);
    }

    /** After a change: the other nodes see it from now on. */
    void saved(StreamId room, RelayTree tree) {
        trees.put(room, new Held(tree, store.save(room, tree)));
    }

    void forget(StreamId room) {
        trees.remove(room);
        store.forget(room);
    }
}
