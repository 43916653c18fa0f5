package io.relaycast.application.events;

import io.relaycast.domain.model.stream.StreamId;
/** A moderator removed a chat line. */
public record ChatDeleted(StreamId streamId, long messageId) {
}
