package io.relaycast.interfaces.rest.dto;

import io.relaycast.domain.model.stream.Livestream;
import jakarta.json.bind.annotation.JsonbTypeDeserializer;
import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A change to a stream: every field is optional, and an absent (or null) one stays as it is. */
@Schema(name = "UpdateStreamRequest")
public record UpdateStreamRequest(
        @Schema(maxLength = Livestream.MAX_TITLE, example = "Quarterly all-hands (moved)")
        @Size(min = 1, max = Livestream.MAX_TITLE, message = "title must be 1–200 characters")
        String title,
        @Schema(maxLength = Livestream.MAX_DESCRIPTION, description = "An empty string removes it")
        @Size(max = Livestream.MAX_DESCRIPTION, message = "description must be at most 2000 characters")
        String description,
        @Schema(description = "New planned start (ISO-8601, not in the past); only while scheduled",
                example = "2026-12-08T15:00:00Z")
        @FutureOrPresent(message = "scheduledAt must not be in the past")
        OffsetDateTime scheduledAt,
        @Schema(description = "Replaces the tags (up to 10 short words; [] removes them)", example = "[\"all-hands\"]")
        @Size(max = 10, message = "tags lists at most 10 tags")
        List<String> tags,
        @Schema(description = "Only while scheduled")
        @JsonbTypeDeserializer(StrictBoolean.class)
        Boolean recordingEnabled,
        @Schema(description = "0 lifts the limit; not after the end", minimum = "0", maximum = "1000000", example = "500")
        @Min(value = 0, message = "maxViewers must be 0 (no limit) to 1000000")
        @Max(value = 1_000_000, message = "maxViewers must be 0 (no limit) to 1000000")
        Integer maxViewers) {
}
