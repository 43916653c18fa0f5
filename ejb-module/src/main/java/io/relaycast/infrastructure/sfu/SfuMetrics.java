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
    JanusSession session;

    @Inject
    JanusEdges edges;

    private static final Metadata SUBSCRIBERS = Metadata.builder().withName("relaycast.sfu.instance.subscribers")
            .withDescription("Viewers subscribed on each Janus instance (janus=1 is the first of JANUS_URLS)").build();
    private static final Metadata REACHABLE = Metadata.builder().withName("relaycast.sfu.instance.reachable")
            .withDescription("1 when that Janus instance answers, else 0").build();

    @PostConstruct
    void register() {
        registry.gauge(Metadata.builder().withName("relaycast.sfu.rooms")
                .withDescription("SFU rooms this server created (one per live SFU stream)").build(), janus, JanusSfu::rooms);
        registry.gauge(Metadata.builder().withName("relaycast.sfu.handles")
                .withDescription("SFU publisher and subscriber handles").build(), janus, JanusSfu::handles);
        registry.gauge(Metadata.builder().withName("relaycast.sfu.reachable")
                .withDescription("1 when the SFU answers, else 0").build(), janus, j -> j.reachable() ? 1 : 0);
        registry.gauge(Metadata.builder().withName("relaycast.sfu.round.trip.ms")
                .withDescription("Last Janus request round trip").build(), session, j -> j.stats().lastRoundTripMillis());
        registry.gauge(Metadata.builder().withName("relaycast.sfu.errors")
                .withDescription("Janus requests that failed or timed out").build(), session, j -> j.stats().errors());
        // per Janus instance (JANUS_URLS): the first, where broadcasters publish, and the overflow ones
        Tag first = new Tag("janus", "1");
        registry.gauge(SUBSCRIBERS, janus, JanusSfu::subscribers, first);
        registry.gauge(REACHABLE, janus, j -> j.reachable() ? 1 : 0, first);
        for (int i = 0; i < edges.all().size(); i++) {
            Tag tag = new Tag("janus", Integer.toString(i + 2));
            registry.gauge(SUBSCRIBERS, edges.all().get(i), JanusEdge::subscribers, tag);
            registry.gauge(REACHABLE, edges.all().get(i), e -> e.reachable() ? 1 : 0, tag);
        }
    }

    /** Creates the bean (and so the metrics) at start-up, not at first use. */
    public void ensureRegistered() {
        // the call itself is enough
    }
}
