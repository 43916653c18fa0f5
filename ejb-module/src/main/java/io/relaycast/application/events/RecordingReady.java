package io.relaycast.application.events;

/** A stream's recording is built and can be played at {@code recordingUrl}. */
public record RecordingReady(String streamId, String recordingUrl) {
}
