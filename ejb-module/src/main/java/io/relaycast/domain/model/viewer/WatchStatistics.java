package io.relaycast.domain.model.viewer;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;

/** Aggregates over viewing sessions. */
public final class WatchStatistics {

    private WatchStatistics() {
    }

    /** Mean watch time; open sessions count until {@code now}. Zero when nobody watched. */
    public static Duration averageWatchTime(Collection<ViewerRepository.WatchInterval> intervals, Instant now) {
        if (intervals.isEmpty()) {
            return Duration.ZERO;
        }
        long totalMillis = 0;
        for (ViewerRepository.WatchInterval i : intervals) {
            totalMillis += LivestreamViewer.watchTime(i.joinedAt(), i.leftAt(), now).toMillis();
        }
        return Duration.ofMillis(totalMillis / intervals.size());
    }
}
