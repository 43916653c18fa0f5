package io.relaycast.application.events;

import io.relaycast.domain.model.stream.StreamId;
/** A stream has more viewers at once than ever before. */
public record PeakReached(StreamId streamId, int peak) {
}
