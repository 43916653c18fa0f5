package io.relaycast.application.viewer;

import io.relaycast.application.routing.RoomRouter;
import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.domain.model.shared.DomainException;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A viewing session opened over REST is only real once a signaling socket adopts it. One that no
 * socket confirms in time is closed, so that abandoned or scripted joins do not count as viewers
 * (or raise the peak) forever.
 */
@ApplicationScoped
public class UnconfirmedViewers {

    private static final Logger LOG = Logger.getLogger(UnconfirmedViewers.class.getName());

    @Inject
    ViewerService viewers;

    @Inject
    @ConfigProperty(name = "viewers.unconfirmed-timeout-seconds", defaultValue = "60")
    int timeoutSeconds;

    @Inject
    RoomRouter router;

    @Resource
    ManagedScheduledExecutorService scheduler;

    /** viewer id → stream id, while waiting for a socket. */
    private final Map<String, StreamId> pending = new ConcurrentHashMap<>();

    public void awaitConfirmation(StreamId streamId, String viewerId) {
        pending.put(viewerId, streamId);
        scheduler.schedule(() -> expire(viewerId), timeoutSeconds, TimeUnit.SECONDS);
    }

    public void confirmed(String viewerId) {
        pending.remove(viewerId);
    }

    /** In a cluster the socket may have adopted the session on another node. */
    private boolean adoptedElsewhere(StreamId streamId, String viewerId) {
        return router.members(streamId).stream()
                .anyMatch(m -> m.viewerId() != null && viewerId.equals(m.viewerId().value()));
    }

    private void expire(String viewerId) {
        StreamId streamId = pending.remove(viewerId);
        if (streamId == null || adoptedElsewhere(streamId, viewerId)) {
            return;
        }
        try {
            viewers.leave(streamId, viewerId);
            LOG.fine(() -> "Closed viewer session " + viewerId + ": no socket confirmed it");
        } catch (DomainException e) {
            LOG.fine(() -> "Unconfirmed viewer " + viewerId + " already gone: " + e.getMessage());
        }
    }
}
