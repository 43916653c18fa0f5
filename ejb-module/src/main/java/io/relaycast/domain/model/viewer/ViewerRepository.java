package io.relaycast.domain.model.viewer;

import io.relaycast.domain.model.stream.StreamId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public interface ViewerRepository {

    void add(LivestreamViewer viewer);

    Optional<LivestreamViewer> find(String viewerId);

    long countOpen(StreamId streamId);

    /** Open viewers per stream id; streams with none are absent from the map. */
    Map<StreamId, Long> countOpen(Collection<StreamId> streamIds);

    long countAll(StreamId streamId);

    /** Sets left_at on every open row of the stream; returns how many were closed. */
    int closeOpen(StreamId streamId, Instant now);

    /** Sets left_at on every open row of every stream (used at start-up: no socket survives a restart). */
    int closeAllOpen(Instant now);

    /** joined_at / left_at pairs, for watch-time statistics. */
    List<WatchInterval> watchIntervals(StreamId streamId);

    record WatchInterval(Instant joinedAt, Instant leftAt) {
    }

    /** Every viewing session of signed-in viewers, by user then time (attendance). */
    List<Attendance.Session> signedInSessions(StreamId streamId);
}
