package io.relaycast.infrastructure.sfu;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The rules for choosing between SFU instances, kept apart from Janus so that they can be tested
 * alone: a new stream goes to the least-loaded instance that answers (the first on a tie); a
 * viewer goes to another instance only once the stream's own holds the capacity.
 */
final class SfuPlacement {

    /** What the rules need of an instance. */
    interface Instance {
        boolean reachable();

        /** Publishers and viewers on it. */
        int load();

        /** Viewers on it. */
        int subscribers();
    }

    private SfuPlacement() {
    }

    static <T extends Instance> Optional<T> leastLoaded(List<T> all) {
        return all.stream().filter(Instance::reachable).min(Comparator.comparingInt(Instance::load));
    }

    /**
     * Where the next viewer of a stream placed on {@code home} goes: empty while the home has room
     * (or {@code capacity} is 0: no limit); else the least-loaded other reachable instance with room;
     * empty again when all are full (the home then takes it: better served than refused).
     */
    static <T extends Instance> Optional<T> overflowFor(T home, List<T> all, int capacity) {
        if (capacity <= 0 || home.subscribers() < capacity) {
            return Optional.empty();
        }
        return withRoom(home, all, capacity).stream().findFirst();
    }

    /** The other reachable instances with room for a viewer (all of them when no capacity is set), least loaded first. */
    static <T extends Instance> List<T> withRoom(T home, List<T> all, int capacity) {
        return all.stream().filter(i -> i != home && i.reachable() && (capacity <= 0 || i.subscribers() < capacity))
                .sorted(Comparator.comparingInt(Instance::subscribers)).toList();
    }
}
