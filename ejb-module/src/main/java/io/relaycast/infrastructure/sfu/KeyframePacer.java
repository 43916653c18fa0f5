package io.relaycast.infrastructure.sfu;

import io.relaycast.domain.model.stream.StreamId;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * A keyframe for every viewer whose subscription just started. Janus asks the publisher for one
 * when a subscriber's media is up, but in a crowd of joins the publisher (a browser) ignores
 * requests that come within a few hundred milliseconds of its last keyframe — which went out
 * before the newest viewer could take it — and nobody asks again: such a viewer waited for the
 * room's periodic keyframe (10 s; bench/sfu-load.mjs measured p95 10.2 s at 100 viewers joining in
 * 2 s). So after the latest start of a room the publisher is asked once more, {@link #TRAIL_MILLIS}
 * later, and never more than once per {@link #GAP_MILLIS}: during a join storm about one keyframe a
 * second, and none once nobody joins. Viewers on another Janus (a cascade) depend on it entirely:
 * that Janus's requests reach nobody.
 */
final class KeyframePacer {

    /** Janus's own least gap between two requests to a publisher, and a margin. */
    static final long GAP_MILLIS = 1_100;
    /** After a start: time for its connection to come up and for the publisher's ignore window to pass. */
    static final long TRAIL_MILLIS = 500;

    private final LongSupplier clock;
    private final BiConsumer<Long, Runnable> later;
    private final Consumer<StreamId> ask;
    private final Map<StreamId, Long> askedAt = new HashMap<>();
    private final Map<StreamId, Long> latestStart = new HashMap<>();
    /** Rooms with an ask planned. */
    private final Map<StreamId, Boolean> pending = new HashMap<>();

    /** {@code later}: runs the task after that many milliseconds; {@code ask}: asks the room's publisher. */
    KeyframePacer(LongSupplier clock, BiConsumer<Long, Runnable> later, Consumer<StreamId> ask) {
        this.clock = clock;
        this.later = later;
        this.ask = ask;
    }

    /** A viewer's subscription to the room started (its answer was taken). */
    synchronized void started(StreamId room) {
        long now = clock.getAsLong();
        latestStart.put(room, now);
        if (pending.putIfAbsent(room, Boolean.TRUE) == null) {
            plan(room, now);
        }
    }

    private void plan(StreamId room, long now) {
        long at = Math.max(askedAt.getOrDefault(room, Long.MIN_VALUE / 2) + GAP_MILLIS, latestStart.get(room) + TRAIL_MILLIS);
        later.accept(Math.max(0, at - now), () -> fire(room));
    }

    private void fire(StreamId room) {
        boolean again;
        synchronized (this) {
            if (!pending.containsKey(room)) {
                return; // forgotten meanwhile (the stream ended)
            }
            long now = clock.getAsLong();
            askedAt.put(room, now);
            again = latestStart.get(room) + TRAIL_MILLIS > now; // someone started since this was planned
            if (again) {
                plan(room, now);
            } else {
                pending.remove(room);
            }
        }
        ask.accept(room);
    }

    synchronized void forget(StreamId room) {
        askedAt.remove(room);
        latestStart.remove(room);
        pending.remove(room);
    }
}
