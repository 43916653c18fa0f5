package io.relaycast.application.signaling;

import io.relaycast.application.routing.Participant;
import io.relaycast.application.routing.RoomRouter;
import io.relaycast.application.signaling.protocol.SignalEvent;
import io.relaycast.application.viewer.RoomStats;
import io.relaycast.domain.model.stream.StreamId;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Coalesces {@code stream_update}: changes only mark a room dirty, and a timer sends one update
 * per dirty room per interval, so a like storm costs a few messages a second, not one per like.
 * In a {@link LargeRooms large room} only the broadcaster is told at that pace; the viewers get the
 * latest figures once per large-room interval (owed, and sent when it has passed).
 */
@ApplicationScoped
public class RoomUpdates {

    private static final Logger LOG = Logger.getLogger(RoomUpdates.class.getName());

    @Inject
    RoomRouter router;

    @Inject
    RoomStatistics statistics;

    @Inject
    SignalingSettings settings;

    @Inject
    LargeRooms largeRooms;

    @Resource
    ManagedScheduledExecutorService scheduler;

    /** Rooms read per query: keeps the IN list well inside every database's limit. */
    static final int MAX_READ = 500;

    private final Set<StreamId> dirty = ConcurrentHashMap.newKeySet();
    /** Large rooms: when their viewers were last told (ms), and the ones owed the latest figures. */
    private final Map<StreamId, Long> viewersToldAt = new ConcurrentHashMap<>();
    private final Set<StreamId> owedToViewers = ConcurrentHashMap.newKeySet();
    LongSupplier clock = System::currentTimeMillis;
    private ScheduledFuture<?> flusher;

    @PostConstruct
    void start() {
        long interval = settings.updateIntervalMillis();
        flusher = scheduler.scheduleWithFixedDelay(this::flush, interval, interval, TimeUnit.MILLISECONDS);
    }

    public void changed(StreamId streamId) {
        dirty.add(streamId);
    }

    void flush() {
        long now = clock.getAsLong();
        for (StreamId owed : owedToViewers) {
            if (now - viewersToldAt.getOrDefault(owed, 0L) >= largeRooms.viewerUpdateMillis()) {
                dirty.add(owed);
            }
        }
        List<StreamId> batch = new ArrayList<>();
        for (StreamId streamId : dirty) {
            dirty.remove(streamId);
            if (!router.members(streamId).isEmpty()) {
                batch.add(streamId);
            } else {
                viewersToldAt.remove(streamId);
                owedToViewers.remove(streamId);
            }
            if (batch.size() == MAX_READ) {
                publish(batch);
                batch.clear();
            }
        }
        publish(batch);
    }

    private void publish(List<StreamId> rooms) {
        if (rooms.isEmpty()) {
            return;
        }
        try {
            statistics.of(rooms).forEach(this::publish);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "No update for " + rooms.size() + " rooms", e);
        }
    }

    private void publish(StreamId streamId, RoomStats stats) {
        SignalEvent update = new SignalEvent.StreamUpdate(stats);
        if (!largeRooms.isLarge(streamId)) {
            viewersToldAt.remove(streamId);
            owedToViewers.remove(streamId);
            router.publish(streamId, update, p -> true);
            return;
        }
        long now = clock.getAsLong();
        if (now - viewersToldAt.getOrDefault(streamId, 0L) >= largeRooms.viewerUpdateMillis()) {
            viewersToldAt.put(streamId, now);
            owedToViewers.remove(streamId);
            router.publish(streamId, update, p -> true);
        } else {
            owedToViewers.add(streamId);
            router.publish(streamId, update, Participant::isBroadcaster);
        }
    }

    @PreDestroy
    void stop() {
        if (flusher != null) {
            flusher.cancel(false);
        }
    }
}
