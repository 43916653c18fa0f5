package io.relaycast.application.signaling;

import io.relaycast.application.routing.RoomRouter;
import io.relaycast.application.signaling.protocol.PeerRole;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/** Signaling figures at /metrics (application scope, prefix relaycast_). */
@ApplicationScoped
public class SignalingMetrics {

    @Inject
    MetricRegistry registry;

    @Inject
    RoomRouter router;

    private Counter relayed;
    private Counter chat;
    private Counter rejected;
    private Counter sessions;
    private final AtomicInteger open = new AtomicInteger();

    @PostConstruct
    void register() {
        relayed = registry.counter(Metadata.builder().withName("relaycast.signaling.relayed")
                .withDescription("Offers, answers and ICE candidates relayed").build());
        chat = registry.counter(Metadata.builder().withName("relaycast.chat.messages")
                .withDescription("Chat messages stored and fanned out (WebSocket and REST)").build());
        rejected = registry.counter(Metadata.builder().withName("relaycast.signaling.rejected")
                .withDescription("Inbound WebSocket messages refused (malformed, too large, too many, not allowed)")
                .build());
        sessions = registry.counter(Metadata.builder().withName("relaycast.signaling.sessions.opened")
                .withDescription("WebSocket sessions opened").build());
        registry.gauge(Metadata.builder().withName("relaycast.signaling.sessions.open")
                .withDescription("Open WebSocket sessions, joined or not").build(), open, AtomicInteger::get);
        registry.gauge(Metadata.builder().withName("relaycast.signaling.rooms")
                .withDescription("Rooms with at least one member on this server").build(), router, r -> r.local().roomCount());
        registry.gauge(Metadata.builder().withName("relaycast.signaling.members")
                .withDescription("Joined WebSocket sessions on this server").build(), router, r -> r.local().memberCount());
        registry.gauge(Metadata.builder().withName("relaycast.signaling.viewers")
                .withDescription("Joined viewer sessions on this server").build(), router,
                r -> r.local().memberCount(PeerRole.VIEWER));
        // The same across every node of a cluster (equal to the above on a single server).
        registry.gauge(Metadata.builder().withName("relaycast.cluster.rooms")
                .withDescription("Rooms with at least one member on any server").build(), router, r -> r.roomCount());
        registry.gauge(Metadata.builder().withName("relaycast.cluster.members")
                .withDescription("Joined WebSocket sessions on every server").build(), router, r -> r.memberCount());
        registry.gauge(Metadata.builder().withName("relaycast.cluster.viewers")
                .withDescription("Joined viewer sessions on every server").build(), router,
                r -> r.memberCount(PeerRole.VIEWER));
    }

    /** Registers the metrics now (they exist, at zero, from start-up rather than from first use). */
    public void ensureRegistered() {
        // calling any method creates the bean, and @PostConstruct registers everything
    }

    public void relayed() {
        relayed.inc();
    }

    public void chatMessage() {
        chat.inc();
    }

    public void rejected() {
        rejected.inc();
    }

    public void sessionOpened() {
        sessions.inc();
        open.incrementAndGet();
    }

    public void sessionClosed() {
        open.decrementAndGet();
    }
}
