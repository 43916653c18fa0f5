package io.relaycast.infrastructure.sfu;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/** SFU figures at /metrics: rooms, handles (publishers and subscribers), Janus round trip and errors. */
@ApplicationScoped
public class SfuMetrics {

    @Inject
    MetricRegistry registry;

    @Inject
    JanusSfu janus;

    @PostConstruct
    void register() {
        registry.gauge(Metadata.builder().withName("relaycast.sfu.rooms")
                .withDescription("SFU rooms this server created (one per live SFU stream)").build(), janus, JanusSfu::rooms);
        registry.gauge(Metadata.builder().withName("relaycast.sfu.handles")
                .withDescription("SFU publisher and subscriber handles").build(), janus, JanusSfu::handles);
        registry.gauge(Metadata.builder().withName("relaycast.sfu.reachable")
                .withDescription("1 when the SFU answers, else 0").build(), janus, j -> j.reachable() ? 1 : 0);
        registry.gauge(Metadata.builder().withName("relaycast.sfu.round.trip.ms")
                .withDescription("Last Janus request round trip").build(), janus, j -> j.stats().lastRoundTripMillis());
        registry.gauge(Metadata.builder().withName("relaycast.sfu.errors")
                .withDescription("Janus requests that failed or timed out").build(), janus, j -> j.stats().errors());
    }

    /** Creates the bean (and so the metrics) at start-up, not at first use. */
    public void ensureRegistered() {
        // the call itself is enough
    }
}
