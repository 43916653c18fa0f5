package io.relaycast.interfaces.signaling;

import io.relaycast.application.signaling.SignalingSettings;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;

/**
 * A socket that has not joined a room soon after it opened is closed (1008): an open socket costs
 * the server memory and a file descriptor, and a script could otherwise hold thousands without
 * ever joining. Pings before a join are answered but do not extend the deadline.
 */
@ApplicationScoped
class JoinDeadlines {

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    SignalingSettings settings;

    void watch(Connection c) {
        int seconds = settings.joinTimeoutSeconds();
        scheduler.schedule(() -> {
            boolean unjoined;
            synchronized (c) {
                unjoined = c.participant == null && !c.joining && !c.closed;
            }
            if (unjoined) {
                c.peer.close(1008, "Join a room within " + seconds + " s of opening the socket");
            }
        }, seconds, TimeUnit.SECONDS);
    }
}
