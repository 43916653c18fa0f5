package io.relaycast.interfaces.rest.dto;

import io.relaycast.domain.model.chat.ChatMessage;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Clients must render {@code message} as text, never as HTML. */
@Schema(name = "ChatMessage")
public record ChatMessageView(
        @Schema(example = "1051") long id,
        @Schema(example = "carol") String userId,
        @Schema(example = "carol") String displayName,
        @Schema(example = "Great demo!") String message,
        Instant createdAt) {

    public static ChatMessageView of(ChatMessage m) {
        return new ChatMessageView(m.getId(), m.getUserId(), m.getDisplayName(), m.getMessage(), m.getCreatedAt());
    }
}
