package io.relaycast.application.internal;

import io.relaycast.application.LivestreamService;
import io.relaycast.application.ViewerService;
import io.relaycast.application.signaling.SignalingMetrics;
import io.relaycast.application.signaling.SignalingService;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.List;
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
    SignalingService signaling;

    @Inject
    SignalingMetrics metrics;

    @PostConstruct
    void recover() {
        metrics.ensureRegistered();
        int closed = viewers.closeAllOpenSessions();
        List<String> live = streams.liveStreamIds();
        live.forEach(signaling::startGrace);
        LOG.info(() -> "Start-up: closed " + closed + " viewer sessions left open; " + live.size()
                + " live streams wait for their broadcaster");
    }
}
