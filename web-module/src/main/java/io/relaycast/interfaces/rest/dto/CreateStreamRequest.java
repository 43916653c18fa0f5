package io.relaycast.interfaces.rest.dto;

import io.relaycast.domain.model.stream.Livestream;
import jakarta.json.bind.annotation.JsonbTypeDeserializer;
import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CreateStreamRequest")
public record CreateStreamRequest(
        @Schema(required = true, maxLength = Livestream.MAX_TITLE, example = "Quarterly all-hands")
        @NotBlank(message = "title is required")
        @Size(max = Livestream.MAX_TITLE, message = "title must be at most 200 characters")
        String title,
        @Schema(maxLength = Livestream.MAX_DESCRIPTION, example = "Results, roadmap and Q&A")
        @Size(max = Livestream.MAX_DESCRIPTION, message = "description must be at most 2000 characters")
        String description,
        @Schema(defaultValue = "false", example = "true")
        @JsonbTypeDeserializer(StrictBoolean.class)
        Boolean recordingEnabled,
        @Schema(description = "When the broadcast is planned (ISO-8601, not in the past)",
                example = "2026-12-01T15:00:00Z")
        @FutureOrPresent(message = "scheduledAt must not be in the past")
        OffsetDateTime scheduledAt,
        @Schema(description = "How viewers get the media: 'p2p' (from the broadcaster's browser), 'sfu' (through the "
                + "server's SFU, for large audiences) or 'relay' (viewers pass it on to other viewers in a tree). "
                + "Default: DELIVERY_DEFAULT, else 'sfu' when an SFU is configured, else 'p2p'.",
                enumeration = {"p2p", "sfu", "relay"}, example = "sfu")
        @Pattern(regexp = "p2p|sfu|relay", message = "delivery must be 'p2p', 'sfu' or 'relay'")
        String delivery,
        @Schema(description = "relay: viewers each node feeds at most (the broadcaster included), 1–8", defaultValue = "3",
                minimum = "1", maximum = "8")
        @Min(value = 1, message = "relayFanout must be 1–8")
        @Max(value = 8, message = "relayFanout must be 1–8")
        Integer relayFanout,
        @Schema(description = "Who may watch: 'public' (anyone with the link), 'signed-in' (any signed-in user) or "
                + "'restricted' (the owner, admins, allowedUsers, members of allowedGroups, invite holders). "
                + "Default: VISIBILITY_DEFAULT, else 'public'.", enumeration = {"public", "signed-in", "restricted"},
                example = "restricted")
        @Pattern(regexp = "public|signed-in|restricted", message = "visibility must be 'public', 'signed-in' or 'restricted'")
        String visibility,
        @Schema(description = "restricted: user ids admitted", example = "[\"bob\"]")
        @Size(max = 200, message = "allowedUsers lists at most 200 users")
        List<String> allowedUsers,
        @Schema(description = "restricted: groups whose members are admitted", example = "[\"engineering\"]")
        @Size(max = 200, message = "allowedGroups lists at most 200 groups")
        List<String> allowedGroups,
        @Schema(description = "Up to 10 short words (letters, digits, inner hyphens; stored lower-case)",
                example = "[\"all-hands\",\"q4\"]")
        @Size(max = 10, message = "tags lists at most 10 tags")
        List<String> tags,
        @Schema(description = "At most this many viewers at a time; the next gets 409 'full' (staff always get in). "
                + "0 or absent: no limit", minimum = "0", maximum = "1000000", example = "500")
        @Min(value = 0, message = "maxViewers must be 0 (no limit) to 1000000")
        @Max(value = 1_000_000, message = "maxViewers must be 0 (no limit) to 1000000")
        Integer maxViewers) {
}
