package io.relaycast.interfaces.rest.dto;

import io.relaycast.application.stream.StreamSnapshot;
import io.relaycast.domain.model.stream.Livestream;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A livestream as clients see it. {@code streamKey} is present only when the caller owns the stream. */
@Schema(name = "Stream")
public record StreamView(
        @Schema(example = "6f1c2b9e-8a47-4a8e-9c51-0b8f3f0d7a11") String id,
        @Schema(description = "The broadcaster", example = "alice") String userId,
        @Schema(example = "Quarterly all-hands") String title,
        String description,
        @Schema(enumeration = {"scheduled", "live", "ended", "cancelled"}, example = "live") String status,
        Instant startedAt,
        Instant endedAt,
        @Schema(description = "Most viewers watching at the same time", example = "42") int viewerCountPeak,
        boolean recordingEnabled,
        String recordingUrl,
        String thumbnailUrl,
        Instant createdAt,
        Instant scheduledAt,
        @Schema(example = "17") long likeCount,
        @Schema(description = "Viewers watching now", example = "12") long currentViewers,
        @Schema(description = "How viewers get the media", enumeration = {"p2p", "sfu", "relay"}, example = "sfu") String delivery,
        @Schema(description = "relay: viewers each node feeds at most", example = "3") int relayFanout,
        @Schema(description = "Secret; only in the owner's own detail view") String streamKey,
        @Schema(description = "Short words for discovery", example = "[\"all-hands\",\"q4\"]") java.util.List<String> tags,
        @Schema(description = "At most this many viewers at a time (staff always get in); absent: no limit",
                example = "500") Integer maxViewers,
        @Schema(description = "The calendar entry's SEQUENCE: grows with every change to title, description, time "
                + "or status", example = "2") int calendarSequence,
        @Schema(description = "Where the recording is", enumeration = {"off", "recording", "processing", "ready",
                "failed"}, example = "recording") String recordingState,
        @Schema(description = "Who records: the server (SFU streams) or the broadcaster's browser; absent when "
                + "recording is off", enumeration = {"server", "browser"}) String recordedBy) {

    public static StreamView of(StreamSnapshot snapshot, String callerId) {
        return of(snapshot, callerId, null);
    }

    /** With {@code recordedBy}, as the caller found out (see ServerRecording). */
    public static StreamView of(StreamSnapshot snapshot, String callerId, String recordedBy) {
        Livestream s = snapshot.stream();
        String key = s.isOwnedBy(callerId) ? s.getStreamKey() : null;
        return new StreamView(s.getId().value(), s.getUserId(), s.getTitle(), s.getDescription(), s.getStatus().wireName(),
                s.getStartedAt(), s.getEndedAt(), s.getViewerCountPeak(), s.isRecordingEnabled(), s.getRecordingUrl(),
                s.getThumbnailUrl(), s.getCreatedAt(), s.getScheduledAt(), s.getLikeCount(),
                snapshot.currentViewers(), s.getDelivery().wireName(), s.getRelayFanout(), key, snapshot.tags(),
                s.getMaxViewers(), s.getCalendarSequence(), s.getRecordingState().wireName(),
                s.isRecordingEnabled() ? recordedBy : null);
    }

    /** List responses never carry the key, not even to the owner. */
    public static StreamView withoutKey(StreamSnapshot snapshot) {
        return of(snapshot, null);
    }
}
