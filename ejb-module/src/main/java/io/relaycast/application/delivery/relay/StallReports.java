package io.relaycast.application.delivery.relay;

import io.relaycast.domain.model.stream.StreamId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * What a relay's children say of it: {@code relay:lost-parent} reports, by distinct child. Two
 * children reporting the same parent stalled within {@link #WINDOW_NANOS} outweigh whatever that
 * parent claims of itself in its own {@code stats}: it is not trusted to relay for
 * {@link #DISTRUST_NANOS}. One child alone cannot demote its parent (it is just moved). Per server:
 * on a cluster children connected to different servers count on each separately.
 */
final class StallReports {

    static final long WINDOW_NANOS = 30_000_000_000L;
    static final long DISTRUST_NANOS = 60_000_000_000L;
    static final int REPORTERS = 2;

    private final Map<StreamId, Map<String, Map<String, Long>>> byRoom = new ConcurrentHashMap<>();
    private final Map<StreamId, Map<String, Long>> distrustedUntil = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;

    StallReports(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** A child reported its parent stalled; true when that makes the parent distrusted (now). */
    boolean report(StreamId room, String parent, String child) {
        long now = nanoTime.getAsLong();
        Map<String, Long> reporters = byRoom.computeIfAbsent(room, r -> new ConcurrentHashMap<>())
                .computeIfAbsent(parent, p -> new ConcurrentHashMap<>());
        reporters.put(child, now);
        reporters.values().removeIf(at -> now - at > WINDOW_NANOS);
        if (reporters.size() < REPORTERS) {
            return false;
        }
        reporters.clear();
        distrustedUntil.computeIfAbsent(room, r -> new ConcurrentHashMap<>()).put(parent, now + DISTRUST_NANOS);
        return true;
    }

    /** Whether the node's own claims are overruled by its children's reports. */
    boolean distrusted(StreamId room, String node) {
        Long until = distrustedUntil.getOrDefault(room, Map.of()).get(node);
        return until != null && nanoTime.getAsLong() - until < 0;
    }

    void forget(StreamId room) {
        byRoom.remove(room);
        distrustedUntil.remove(room);
    }
}
