package io.relaycast.application.events;

import java.time.Instant;

/** Fired inside the transaction that ended a stream. */
public record StreamEnded(String streamId, Instant endedAt, String recordingUrl) {
}
