package io.relaycast.infrastructure.sfu;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/** SFU figures at /metrics: rooms, handles (publishers and subscribers), Janus round trip and errors. */
@ApplicationScoped
public class SfuMetrics {

    @Inject
    MetricRegistry registry;

    @Inject
    JanusSfu janus;

    @Inject
    JanusInstances instances;

    private static final Metadata SUBSCRIBERS = Metadata.builder().withName("relaycast.sfu.instance.subscribers")
            .withDescription("Viewers this server subscribed on each Janus instance (janus=1 is the first of JANUS_URLS)").build();
    private static final Metadata ALL_SUBSCRIBERS = Metadata.builder().withName("relaycast.sfu.instance.cluster.subscribers")
            .withDescription("Viewers on each Janus instance from every server of the cluster (this one's now, the others' as of their last word)").build();
    private static final Metadata REACHABLE = Metadata.builder().withName("relaycast.sfu.instance.reachable")
            .withDescription("1 when that Janus instance answers, else 0").build();

    @PostConstruct
    void register() {
        registry.gauge(Metadata.builder().withName("relaycast.sfu.rooms")
                .withDescription("SFU rooms this server created (one per live SFU stream)").build(), instances, JanusInstances::rooms);
        registry.gauge(Metadata.builder().withName("relaycast.sfu.handles")
                .withDescription("SFU publisher and subscriber handles").build(), instances, JanusInstances::handles);
        registry.gauge(Metadata.builder().withName("relaycast.sfu.reachable")
                .withDescription("1 when the SFU answers, else 0").build(), janus, j -> j.reachable() ? 1 : 0);
        // per Janus instance (JANUS_URLS, janus=1 the first); round trips and errors of the first, as before
        for (JanusVideoRoom v : instances.all()) {
            Tag tag = new Tag("janus", Integer.toString(v.janus.number));
            registry.gauge(SUBSCRIBERS, v, JanusVideoRoom::localSubscribers, tag);
            registry.gauge(ALL_SUBSCRIBERS, v, JanusVideoRoom::subscribers, tag);
            registry.gauge(REACHABLE, v, x -> x.janus.reachable() ? 1 : 0, tag);
            if (v.janus.number == 1) {
                registry.gauge(Metadata.builder().withName("relaycast.sfu.round.trip.ms")
                        .withDescription("Last request round trip to the first Janus").build(), v, x -> x.janus.stats.lastRoundTripMillis());
            }
        }
        registry.gauge(Metadata.builder().withName("relaycast.sfu.errors")
                .withDescription("Janus requests that failed or timed out (all instances)").build(), instances,
                i -> i.all().stream().mapToLong(v -> v.janus.stats.errors()).sum());
    }

    /** Creates the bean (and so the metrics) at start-up, not at first use. */
    public void ensureRegistered() {
        // the call itself is enough
    }
}
