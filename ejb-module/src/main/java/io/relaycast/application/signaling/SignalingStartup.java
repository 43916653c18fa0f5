package io.relaycast.application.signaling;

import io.relaycast.application.stream.LivestreamService;
import io.relaycast.application.viewer.ViewerService;
import io.relaycast.application.delivery.sfu.Sfu;
import io.relaycast.application.routing.ServerNodes;
import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.application.delivery.relay.RelayMetrics;
import io.relaycast.application.webhooks.WebhookDispatcher;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * No WebSocket survives a restart: at start-up every open viewer row is closed, and every live
 * stream gets the broadcaster grace period to reconnect before it is ended. Signaling metrics are
 * registered here too, so they read zero rather than missing until the first connection.
 */
@Singleton
@Startup
public class SignalingStartup {

    private static final Logger LOG = Logger.getLogger(SignalingStartup.class.getName());

    @Inject
    ViewerService viewers;

    @Inject
    LivestreamService streams;

    @Inject
    RoomLifecycle lifecycle;

    @Inject
    SignalingMetrics metrics;

    @Inject
    Sfu sfu;

    @Inject
    WebhookDispatcher webhooks;

    @Inject
    RelayMetrics relayRepairs;

    @Inject
    ServerNodes nodes;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // each step its own transaction
    void recover() {
        metrics.ensureRegistered();
        relayRepairs.ensureRegistered();
        sfu.configured(); // creates the SFU adapter now: it connects (if configured) and registers its metrics
        webhooks.start(); // deliveries left pending by a restart go out too
        boolean alone;
        try {
            alone = nodes.alone();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Start-up: Redis is not reachable; open viewer sessions are left alone", e);
            alone = false;
        }
        nodes.join(); // heartbeats from now on (retried until Redis answers)
        if (!alone) {
            // Another node is running: the open rows and live rooms are its (a dead node's are
            // reaped when its heartbeat expires).
            LOG.info("Start-up: joined a running cluster; open viewer sessions are left to their nodes");
            return;
        }
        try {
            int closed = viewers.closeAllOpenSessions();
            List<StreamId> live = streams.liveStreamIds();
            live.forEach(lifecycle::startGrace);
            LOG.info(() -> "Start-up: closed " + closed + " viewer sessions left open; " + live.size()
                    + " live streams wait for their broadcaster");
        } catch (RuntimeException e) {
            // Without a database the application still starts; /health/ready reports it DOWN.
            LOG.log(Level.WARNING, "Start-up recovery skipped: the database is not reachable", e);
        }
    }
}
