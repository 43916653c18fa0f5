package io.relaycast.infrastructure.sfu;

import io.relaycast.domain.model.stream.StreamId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * On a server of a cluster that does not hold a stream's broadcaster: the copies of the stream that
 * the server holding it cascaded onto other instances, found by asking them (a cascade's participant
 * in the room), so that viewers held here go there too once the stream's own instance is full.
 * Instances are asked at most four times a second per stream; a found copy is remembered.
 */
final class JanusCopies {

    private static final long LOOK_EVERY_MS = 250;

    private final LongSupplier clock;
    private final Map<StreamId, Set<JanusVideoRoom>> known = new ConcurrentHashMap<>();
    private final Map<StreamId, Long> lastLook = new ConcurrentHashMap<>();

    JanusCopies(LongSupplier clock) {
        this.clock = clock;
    }

    /**
     * The first of the candidates (instances with room, least loaded first) that has a copy of the
     * stream; empty when none has one (yet: {@code noneYet} is run, to have one made), and without
     * asking when they were asked a moment ago.
     */
    CompletionStage<Optional<JanusVideoRoom>> among(StreamId room, List<JanusVideoRoom> candidates, Runnable noneYet) {
        Set<JanusVideoRoom> copies = known.getOrDefault(room, Set.of());
        Optional<JanusVideoRoom> seen = candidates.stream().filter(copies::contains).findFirst();
        if (seen.isPresent()) {
            return CompletableFuture.completedFuture(seen);
        }
        long now = clock.getAsLong();
        Long last = lastLook.get(room);
        if (candidates.isEmpty() || (last != null && now - last < LOOK_EVERY_MS)
                || !(last == null ? lastLook.putIfAbsent(room, now) == null : lastLook.replace(room, last, now))) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return look(room, candidates, 0).thenApply(found -> {
            if (found.isEmpty()) {
                noneYet.run();
            }
            return found;
        });
    }

    private CompletionStage<Optional<JanusVideoRoom>> look(StreamId room, List<JanusVideoRoom> candidates, int i) {
        if (i >= candidates.size()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        JanusVideoRoom v = candidates.get(i);
        return v.rooms.held(room, JanusVideoRoom.cascadeOf(room)).thenCompose(held -> {
            if (held == JanusRooms.Held.COPY) {
                known.computeIfAbsent(room, r -> ConcurrentHashMap.newKeySet()).add(v);
                return CompletableFuture.completedFuture(Optional.of(v));
            }
            return look(room, candidates, i + 1);
        });
    }

    /** Whether viewers held here may be on a copy of the stream (one was found). */
    boolean found(StreamId room) {
        return !known.getOrDefault(room, Set.of()).isEmpty();
    }

    /** Subscribing to the copy failed: it is looked for again. */
    void gone(StreamId room, JanusVideoRoom copy) {
        Optional.ofNullable(known.get(room)).ifPresent(s -> s.remove(copy));
    }

    void lost(JanusVideoRoom instance) {
        known.values().forEach(s -> s.remove(instance));
    }

    void forget(StreamId room) {
        known.remove(room);
        lastLook.remove(room);
    }
}
