package io.relaycast.application.events;

import io.relaycast.domain.model.stream.StreamId;
import java.time.Instant;

/** A caption (final: kept; interim: only shown) was written for a live stream; observers act after the commit. */
public record CaptionPosted(StreamId streamId, String text, boolean finalLine, Instant at) {
}
