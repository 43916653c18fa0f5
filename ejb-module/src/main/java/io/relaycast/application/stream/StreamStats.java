package io.relaycast.application.stream;

import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.domain.model.stream.StreamStatus;

public record StreamStats(StreamId streamId, StreamStatus status, int peakViewers, long currentViewers,
                          long totalViewers, long likes, long chatMessages, long durationSeconds,
                          long averageWatchSeconds) {
}
