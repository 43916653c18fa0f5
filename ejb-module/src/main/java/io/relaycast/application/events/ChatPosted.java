package io.relaycast.application.events;

import java.time.Instant;

/** A chat message that is stored (fired in the storing transaction). */
public record ChatPosted(String streamId, long id, String userId, String displayName, String message,
                         Instant createdAt) {
}
