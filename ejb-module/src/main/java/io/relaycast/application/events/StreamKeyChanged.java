package io.relaycast.application.events;

import io.relaycast.domain.model.stream.StreamId;

/** Fired inside the transaction that gave a stream a new key; caches of the old one drop it after the commit. */
public record StreamKeyChanged(StreamId streamId) {
}
