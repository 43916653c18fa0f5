package io.relaycast.application.events;

import io.relaycast.domain.model.stream.StreamId;
/** Viewer count, peak or likes of a stream may have changed. */
public record AudienceChanged(StreamId streamId) {
}
