package io.relaycast.application.events;

import io.relaycast.domain.model.stream.StreamId;
import java.time.Instant;

/** Fired inside the transaction that ended a stream. */
public record StreamEnded(StreamId streamId, Instant endedAt, String recordingUrl) {
}
