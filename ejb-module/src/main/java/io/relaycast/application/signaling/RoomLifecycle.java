package io.relaycast.application.signaling;

import io.relaycast.application.routing.CloseCause;
import io.relaycast.application.routing.GraceExpired;
import io.relaycast.application.routing.GraceTimers;
import io.relaycast.application.routing.Participant;
import io.relaycast.application.routing.RoomLocks;
import io.relaycast.application.routing.RoomRouter;
import io.relaycast.application.signaling.protocol.SignalEvent;
import io.relaycast.application.signaling.protocol.SignalingException;
import io.relaycast.application.stream.LivestreamService;
import io.relaycast.application.viewer.ViewerService;
import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.application.delivery.Deliveries;
import io.relaycast.application.delivery.Delivery;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What a disconnect means, how long a live stream waits for its broadcaster, and how a room ends.
 */
@ApplicationScoped
public class RoomLifecycle {

    private static final Logger LOG = Logger.getLogger(RoomLifecycle.class.getName());

    @Inject
    LivestreamService streams;

    @Inject
    ViewerService viewers;

    @Inject
    RoomRouter router;

    @Inject
    RoomLocks locks;

    @Inject
    GraceTimers grace;

    @Inject
    SignalingSettings settings;

    @Inject
    Deliveries deliveries;

    @Inject
    LargeRooms largeRooms;

    @Resource
    ManagedScheduledExecutorService scheduler;

    /** A session is gone (closed, dropped, timed out). */
    public void disconnected(Participant p) {
        disconnected(p, 0);
    }

    /**
     * On a cluster the room's lock may stay taken longer than a waiter waits (a leave storm on the
     * other node): the leave is tried again a moment later rather than leave a member behind.
     */
    private void disconnected(Participant p, int attempt) {
        try {
            leave(p);
        } catch (SignalingException e) {
            if (!"busy".equals(e.code()) || attempt >= 5 || scheduler == null) {
                throw e;
            }
            LOG.info(() -> "Room " + p.streamId() + " busy; the leave of " + p.peerId() + " is tried again");
            scheduler.schedule(() -> disconnected(p, attempt + 1), 1, TimeUnit.SECONDS);
        }
    }

    private void leave(Participant p) {
        StreamId streamId = p.streamId();
        boolean closeSession = locks.inRoom(streamId, () -> {
            router.remove(p);
            Delivery delivery = deliveries.of(p);
            delivery.released(p);
            if (p.isDetached()) {
                return false;
            }
            delivery.left(p);
            if (p.isBroadcaster()) {
                if (router.broadcaster(streamId).isEmpty()) {
                    router.publish(streamId, new SignalEvent.BroadcasterLeft(settings.broadcasterGraceSeconds()),
                            m -> !m.isBroadcaster());
                    startGrace(streamId);
                }
                return false;
            }
            if (p.viewerId() != null) {
                router.broadcaster(streamId).filter(largeRooms::tellsEachViewer)
                        .ifPresent(b -> b.send(new SignalEvent.ViewerLeft(p.peerId())));
                return true;
            }
            return false;
        });
        if (closeSession) {
            // Outside the room's lock and without waiting: a thousand viewers leaving at once are
            // group-committed, and nobody is left to answer.
            viewers.leaveAsync(streamId, p.viewerId().value()).whenComplete((done, failure) -> {
                if (failure != null) {
                    LOG.fine(() -> "Leave of " + p.viewerId() + " failed: " + failure);
                }
            });
        }
    }

    /** The stream ends unless a broadcaster session joins within the grace period. */
    public void startGrace(StreamId streamId) {
        grace.start(streamId, Duration.ofSeconds(settings.broadcasterGraceSeconds()), () -> graceExpired(streamId));
    }

    /** A stream went live with no broadcaster connected: it waits for one, then it ends. */
    public void startFirstConnect(StreamId streamId) {
        grace.start(streamId, Duration.ofSeconds(settings.firstConnectSeconds()), () -> graceExpired(streamId));
    }

    void expiredElsewhere(@Observes GraceExpired e) {
        graceExpired(e.streamId());
    }

    void graceExpired(StreamId streamId) {
        boolean returned = locks.inRoom(streamId, () -> {
            grace.expired(streamId);
            return router.broadcaster(streamId).isPresent();
        });
        if (returned) {
            return;
        }
        try {
            if (streams.endAbandoned(streamId)) {
                LOG.info(() -> "Ended stream " + streamId + ": broadcaster did not return within the grace period");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not end abandoned stream " + streamId, e);
        }
    }

    /**
     * Who may watch changed: the viewers this server holds are closed (ACCESS_CHANGED), connect
     * again, and the handshake decides anew — a revoked invite or a removed user stays out.
     */
    public void recheckViewers(StreamId streamId) {
        for (Participant p : router.local().members(streamId)) {
            if (!p.isBroadcaster()) {
                p.close(CloseCause.ACCESS_CHANGED);
            }
        }
    }

    /** After a stream ended or was cancelled: everyone is told, then every session of the room is closed. */
    public void closeRoom(StreamId streamId, SignalEvent stopped) {
        locks.inRoom(streamId, () -> {
            grace.cancel(streamId);
            for (Participant p : router.members(streamId)) {
                p.markDetached();
                router.remove(p);
                p.send(stopped);
                p.close(CloseCause.STREAM_ENDED);
            }
        });
        deliveries.all().forEach(d -> d.roomClosed(streamId));
        locks.forget(streamId);
    }
}
