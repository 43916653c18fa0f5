package io.relaycast.infrastructure.sfu;

import io.relaycast.application.delivery.sfu.SfuViewerMoved;
import io.relaycast.application.signaling.protocol.PeerId;
import io.relaycast.domain.model.stream.StreamId;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The Janus instances after the first of {@code JANUS_URLS}: where an audience overflows once the
 * first has {@code JANUS_MAX_SUBSCRIBERS} viewers (the least-loaded one that has room), each kept
 * alive every 5 s; the viewers of one that is lost are handed to the delivery to be subscribed
 * again elsewhere ({@link SfuViewerMoved}), without a page reload.
 */
@ApplicationScoped
public class JanusEdges {

    private static final Logger LOG = Logger.getLogger(JanusEdges.class.getName());

    @Inject
    @ConfigProperty(name = "janus.urls")
    Optional<String> urls;

    @Inject
    @ConfigProperty(name = "janus.max-subscribers", defaultValue = "0")
    int maxSubscribers;

    @Inject
    @ConfigProperty(name = "janus.api-secret")
    Optional<String> apiSecret;

    /** The VideoRoom's admin_key: every instance is expected to have the same configuration. */
    @Inject
    @ConfigProperty(name = "janus.admin-key")
    Optional<String> adminKey;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    Event<SfuViewerMoved> moved;

    private List<JanusEdge> edges = List.of();
    private volatile Consumer<JanusEdge> onLost = e -> { };
    private ScheduledFuture<?> keepalive;

    /** Every URL of {@code JANUS_URLS}, in order (the first is the one broadcasters publish to). */
    static List<String> split(String urls) {
        return Arrays.stream(urls.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    @PostConstruct
    void start() {
        List<String> all = urls.map(JanusEdges::split).orElse(List.of());
        List<JanusEdge> made = new java.util.ArrayList<>();
        for (String u : all.subList(Math.min(1, all.size()), all.size())) {
            JanusEdge[] edge = new JanusEdge[1];
            edge[0] = new JanusEdge(URI.create(u), apiSecret.orElse(null), adminKey.orElse(null),
                    () -> scheduler.execute(() -> lostViewers(edge[0], edge[0].lost("it closed the connection"))));
            made.add(edge[0]);
        }
        edges = List.copyOf(made);
        if (!edges.isEmpty()) {
            LOG.info(() -> "Audience overflow onto " + edges.size() + " more Janus instance(s) past "
                    + (maxSubscribers > 0 ? maxSubscribers + " viewers each" : "no limit (JANUS_MAX_SUBSCRIBERS unset)"));
            keepalive = scheduler.scheduleWithFixedDelay(this::keepAlive, 0, 5, TimeUnit.SECONDS);
        }
    }

    /** What to forget of an edge that was lost (the cascades made to it). */
    void onLost(Consumer<JanusEdge> forget) {
        this.onLost = forget;
    }

    private void keepAlive() {
        for (JanusEdge edge : edges) {
            lostViewers(edge, edge.keepAliveOrReconnect());
        }
    }

    private void lostViewers(JanusEdge edge, Map<PeerId, StreamId> viewers) {
        if (!edge.reachable()) {
            onLost.accept(edge); // its rooms went with it: cascades are made anew once it is back
        }
        viewers.forEach((viewer, room) -> moved.fireAsync(new SfuViewerMoved(room, viewer)));
    }

    /** A request to an edge failed as if it were gone: checked now rather than at the next keepalive. */
    void suspect(JanusEdge edge) {
        scheduler.execute(() -> lostViewers(edge, edge.keepAliveOrReconnect()));
    }

    /**
     * Where the next viewer goes when the first Janus holds {@code originLoad} viewers: empty while it
     * has room (or no limit is set); else the least-loaded reachable edge with room; empty again when
     * all are full (the first Janus then takes it: better served than refused).
     */
    Optional<JanusEdge> overflowFor(int originLoad) {
        if (maxSubscribers <= 0 || originLoad < maxSubscribers) {
            return Optional.empty();
        }
        return edges.stream().filter(JanusEdge::reachable).filter(e -> e.subscribers() < maxSubscribers)
                .min(Comparator.comparingInt(JanusEdge::subscribers));
    }

    /** Whether each instance answers, by its place in JANUS_URLS ("1": the first, given). */
    Map<String, Boolean> reachability(boolean first) {
        Map<String, Boolean> all = new java.util.LinkedHashMap<>(Map.of("1", first));
        edges.forEach(e -> all.put(Integer.toString(all.size() + 1), e.reachable()));
        return all;
    }

    List<JanusEdge> all() {
        return edges;
    }

    Optional<JanusEdge> holding(PeerId viewer) {
        return edges.stream().filter(e -> e.holds(viewer)).findFirst();
    }

    @PreDestroy
    void stop() {
        if (keepalive != null) {
            keepalive.cancel(false);
        }
        edges.forEach(JanusEdge::closeConnection);
    }
}
