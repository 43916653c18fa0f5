package io.relaycast.application.events;

import io.relaycast.domain.model.stream.StreamId;
import java.time.Instant;

/** A chat message that is stored (fired in the storing transaction). */
public record ChatPosted(StreamId streamId, long id, String userId, String displayName, String message,
                         Instant createdAt) {
}
