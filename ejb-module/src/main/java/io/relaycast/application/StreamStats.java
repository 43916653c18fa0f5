package io.relaycast.application;

import io.relaycast.domain.model.StreamStatus;

public record StreamStats(String streamId, StreamStatus status, int peakViewers, long currentViewers,
                          long totalViewers, long likes, long chatMessages, long durationSeconds,
                          long averageWatchSeconds) {
}
