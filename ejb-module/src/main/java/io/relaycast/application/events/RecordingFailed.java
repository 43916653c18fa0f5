package io.relaycast.application.events;

import io.relaycast.domain.model.stream.StreamId;

/** A stream's recording could not be built: there is no VOD (state {@code failed}). */
public record RecordingFailed(StreamId streamId) {
}
