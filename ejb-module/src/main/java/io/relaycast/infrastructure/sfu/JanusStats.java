package io.relaycast.infrastructure.sfu;

import java.util.concurrent.atomic.AtomicLong;

/** Figures of the Janus connection for /metrics: request round trips and failures. */
final class JanusStats {

    private final AtomicLong lastRoundTripNanos = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();

    void roundTrip(long nanos, boolean failed) {
        lastRoundTripNanos.set(nanos);
        if (failed) {
            errors.incrementAndGet();
        }
    }

    double lastRoundTripMillis() {
        return lastRoundTripNanos.get() / 1e6;
    }

    long errors() {
        return errors.get();
    }
}
