package io.relaycast.application.delivery.relay;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Relay repairs at /metrics (the repairs themselves are {@link RelayRepair}): viewers re-parented, and the server's time from a relay's drop to its
 * last orphan having a new parent (the latest and the longest).
 */
@ApplicationScoped
public class RelayMetrics {

    @Inject
    MetricRegistry registry;

    private Counter moved;
    private final AtomicLong lastNanos = new AtomicLong();
    private final AtomicLong maxNanos = new AtomicLong();

    @PostConstruct
    void register() {
        moved = registry.counter(Metadata.builder().withName("relaycast.relay.reparented")
                .withDescription("Viewers given a new parent in a relay tree (a relay left, stalled or weakened)").build());
        registry.gauge(Metadata.builder().withName("relaycast.relay.repair.last.seconds")
                .withDescription("Server time from a relay's drop until its last orphan had a new parent (latest)")
                .build(), lastNanos, x -> x.get() / 1e9);
        registry.gauge(Metadata.builder().withName("relaycast.relay.repair.max.seconds")
                .withDescription("The same, the longest so far").build(), maxNanos, x -> x.get() / 1e9);
    }

    /** Registers the metrics now, at zero, rather than at the first repair. */
    public void ensureRegistered() {
        // creating the bean registers them (@PostConstruct)
    }

    public void repaired(int viewers, long nanos) {
        moved.inc(viewers);
        if (nanos > 0) {
            lastNanos.set(nanos);
            maxNanos.accumulateAndGet(nanos, Math::max);
        }
    }
}
