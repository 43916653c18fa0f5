package io.relaycast.application.signaling;

import io.relaycast.application.routing.RoomRouter;
import io.relaycast.application.signaling.protocol.SignalEvent;
import io.relaycast.domain.model.stream.StreamId;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Coalesces {@code stream_update}: changes only mark a room dirty, and a timer sends one update
 * per dirty room per interval, so a like storm costs a few messages a second, not one per like.
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

    @Resource
    ManagedScheduledExecutorService scheduler;

    /** Rooms read per query: keeps the IN list well inside every database's limit. */
    static final int MAX_READ = 500;

    private final Set<StreamId> dirty = ConcurrentHashMap.newKeySet();
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
        List<StreamId> batch = new ArrayList<>();
        for (StreamId streamId : dirty) {
            dirty.remove(streamId);
            if (!router.members(streamId).isEmpty()) {
                batch.add(streamId);
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
            statistics.of(rooms).forEach((streamId, stats) ->
                    router.publish(streamId, new SignalEvent.StreamUpdate(stats), p -> true));
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "No update for " + rooms.size() + " rooms", e);
        }
    }

    @PreDestroy
    void stop() {
        if (flusher != null) {
            flusher.cancel(false);
        }
    }
}
