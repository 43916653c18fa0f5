package io.relaycast.interfaces.rest.dto;

import io.relaycast.application.stream.StreamStats;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "StreamStats")
public record StatsResponse(
        String streamId,
        @Schema(enumeration = {"scheduled", "live", "ended"}) String status,
        @Schema(description = "Most viewers at the same time", example = "42") int peakViewers,
        @Schema(description = "Viewers watching now", example = "12") long currentViewers,
        @Schema(description = "Viewing sessions ever opened", example = "97") long totalViewers,
        @Schema(example = "18") long likes,
        @Schema(example = "230") long chatMessages,
        @Schema(description = "Seconds on air (so far, while live)", example = "3605") long durationSeconds,
        @Schema(description = "Mean seconds a viewing session lasted (open ones until now)", example = "812")
        long averageWatchSeconds) {

    public static StatsResponse of(StreamStats s) {
        return new StatsResponse(s.streamId().value(), s.status().wireName(), s.peakViewers(), s.currentViewers(),
                s.totalViewers(), s.likes(), s.chatMessages(), s.durationSeconds(), s.averageWatchSeconds());
    }
}
