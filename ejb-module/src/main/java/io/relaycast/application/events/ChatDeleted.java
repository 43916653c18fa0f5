package io.relaycast.application.events;

/** A moderator removed a chat line. */
public record ChatDeleted(String streamId, long messageId) {
}
