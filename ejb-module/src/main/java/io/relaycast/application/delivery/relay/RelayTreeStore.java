package io.relaycast.application.delivery.relay;

import io.relaycast.domain.model.stream.StreamId;
import java.util.Optional;

/**
 * Where a cluster keeps each room's relay tree, so that every node works on the same one (always
 * under the room's lock). A single server keeps its trees in memory only: {@link #NONE}.
 */
public interface RelayTreeStore {

    /** A saved version of the room's tree: its number and the tree. */
    record Saved(long version, RelayTree tree) {
    }

    /** The room's saved version number (0: none). */
    long version(StreamId room);

    /** The room's tree as last saved, if any. */
    Optional<Saved> load(StreamId room);

    /** Saves the tree; returns its new version number. */
    long save(StreamId room, RelayTree tree);

    void forget(StreamId room);

    /** A single server's: nothing is kept beyond the trees in memory. */
    RelayTreeStore NONE = new RelayTreeStore() {
        @Override
        public long version(StreamId room) {
            return 0;
        }

        @Override
        public Optional<Saved> load(StreamId room) {
            return Optional.empty();
        }

        @Override
        public long save(StreamId room, RelayTree tree) {
            return 0;
        }

        @Override
        public void forget(StreamId room) {
        }
    };
}
