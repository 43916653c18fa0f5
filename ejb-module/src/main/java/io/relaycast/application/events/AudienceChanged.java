package io.relaycast.application.events;

/** Viewer count, peak or likes of a stream may have changed. */
public record AudienceChanged(String streamId) {
}
