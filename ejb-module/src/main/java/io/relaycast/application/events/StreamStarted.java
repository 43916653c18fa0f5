package io.relaycast.application.events;

import io.relaycast.domain.model.stream.StreamId;
/** Fired inside the transaction that made a stream live; observers act after it commits. */
public record StreamStarted(StreamId streamId) {
}
