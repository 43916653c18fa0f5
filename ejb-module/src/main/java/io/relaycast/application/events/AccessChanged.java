package io.relaycast.application.events;

import io.relaycast.domain.model.stream.StreamId;

/**
 * Fired inside the transaction that changed who may watch a stream (its rules, or an invite
 * revoked); observers act after it commits: viewers in the room connect again and are checked anew.
 */
public record AccessChanged(StreamId streamId) {
}
