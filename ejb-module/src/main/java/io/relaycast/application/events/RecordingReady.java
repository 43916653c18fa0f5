package io.relaycast.application.events;

import io.relaycast.domain.model.stream.StreamId;
/** A stream's recording is built and can be played at {@code recordingUrl}. */
public record RecordingReady(StreamId streamId, String recordingUrl) {
}
