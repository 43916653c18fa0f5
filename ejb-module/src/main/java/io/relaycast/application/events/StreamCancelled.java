package io.relaycast.application.events;

import io.relaycast.domain.model.stream.StreamId;

/** Fired inside the transaction that cancelled a scheduled stream; observers act after it commits. */
public record StreamCancelled(StreamId streamId) {
}
