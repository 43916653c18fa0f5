package io.relaycast.application.events;

import io.relaycast.domain.model.stream.StreamId;
import java.time.Instant;

/** Fired inside the transaction that recorded a scheduled stream's "starting soon" (once per stream). */
public record StartingSoon(StreamId streamId, Instant scheduledAt) {
}
