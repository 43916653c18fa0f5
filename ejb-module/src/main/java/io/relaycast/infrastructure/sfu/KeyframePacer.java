package io.relaycast.infrastructure.sfu;

import io.relaycast.domain.model.stream.StreamId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Keyframes for viewers whose subscription just started. Janus 1.1.2 asks the publisher for one
 * when a subscriber starts, but not twice within a second: the second request is put off and, for
 * a browser publisher, never sent — a viewer starting just after another waited for the next
 * periodic keyframe (10 s; measured with bench/sfu-load.mjs: p95 10.2 s at 100 viewers). So when a
 * start comes within the second, the publisher is asked once the second is over (one pending ask
 * per room covers every start meanwhile). Starts on another Janus (a cascade) are never asked for by
 * Janus: they always go through here.
 */
final class KeyframePacer {

    /** Janus's own gap between keyframe requests, and a margin for our clocks' difference. */
    static final long GAP_MILLIS = 1_100;

    private final LongSupplier clock;
    private final BiConsumer<Long, Runnable> later;
    private final Consumer<StreamId> ask;
    /** When the room's publisher was last asked for a keyframe (by Janus or by us). */
    private final Map<StreamId, Long> askedAt = new ConcurrentHashMap<>();
    private final Map<StreamId, Boolean> pending = new ConcurrentHashMap<>();

    /** {@code later}: runs the task after that many milliseconds; {@code ask}: asks the room's publisher. */
    KeyframePacer(LongSupplier clock, BiConsumer<Long, Runnable> later, Consumer<StreamId> ask) {
        this.clock = clock;
        this.later = later;
        this.ask = ask;
    }

    /** A subscription started; {@code janusAsks}: on the publisher's own Janus, which asks by itself. */
    void started(StreamId room, boolean janusAsks) {
        long now = clock.getAsLong();
        long last = askedAt.getOrDefault(room, Long.MIN_VALUE / 2);
        if (now - last >= GAP_MILLIS) {
            askedAt.put(room, now);
            if (!janusAsks) {
                ask.accept(room);
            }
            return;
        }
        if (pending.putIfAbsent(room, Boolean.TRUE) == null) {
            later.accept(last + GAP_MILLIS - now, () -> {
                pending.remove(room);
                askedAt.put(room, clock.getAsLong());
                ask.accept(room);
            });
        }
    }

    void forget(StreamId room) {
        askedAt.remove(room);
        pending.remove(room);
    }
}
