package io.relaycast.application.events;

import io.relaycast.domain.model.stream.StreamId;
import java.util.List;

/**
 * Fired inside the transaction that changed a stream: {@code changed} names the parts (title,
 * description, scheduledAt, tags, recordingEnabled, maxViewers) as the REST API spells them.
 */
public record StreamUpdated(StreamId streamId, List<String> changed) {
}
