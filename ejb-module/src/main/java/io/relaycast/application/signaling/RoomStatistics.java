package io.relaycast.application.signaling;

import io.relaycast.application.stream.LivestreamService;
import io.relaycast.application.viewer.RoomStats;
import io.relaycast.application.stream.StreamSnapshot;
import io.relaycast.domain.model.stream.StreamId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Reads a room's live numbers from the stream's committed state. */
@ApplicationScoped
public class RoomStatistics {

    /** As old as a joiner's figures may be: a coalesced stream_update follows every change anyway. */
    static final long RECENT_NANOS = 250_000_000L;
    private static final int MAX_ENTRIES = 10_000;

    private record Reading(RoomStats stats, long at) {
    }

    private final Map<StreamId, Reading> readings = new ConcurrentHashMap<>();

    @Inject
    LivestreamService streams;

    /** Fresh from the database. */
    public RoomStats of(StreamId streamId) {
        return remember(streams.find(streamId));
    }

    /**
     * Fresh from the database, many rooms in one transaction (two queries however many rooms
     * changed: what a join storm over hundreds of rooms needs). Rooms that no longer exist are left out.
     */
    public Map<StreamId, RoomStats> of(Collection<StreamId> streamIds) {
        Map<StreamId, RoomStats> stats = new HashMap<>();
        for (StreamSnapshot s : streams.findAll(streamIds)) {
            stats.put(s.stream().getId(), remember(s));
        }
        return stats;
    }

    private RoomStats remember(StreamSnapshot s) {
        RoomStats stats = new RoomStats(s.currentViewers(), s.stream().getViewerCountPeak(), s.stream().getLikeCount());
        long now = System.nanoTime();
        if (readings.size() >= MAX_ENTRIES) {
            readings.values().removeIf(r -> now - r.at() >= RECENT_NANOS);
        }
        readings.put(s.stream().getId(), new Reading(stats, now));
        return stats;
    }

    /** At most {@link #RECENT_NANOS} old: what a joiner is told, so that a join storm is not a query storm. */
    public RoomStats recent(StreamId streamId) {
        Reading r = readings.get(streamId);
        return r != null && System.nanoTime() - r.at() < RECENT_NANOS ? r.stats() : of(streamId);
    }
}
