package io.relaycast.application.events;

/** A stream has more viewers at once than ever before. */
public record PeakReached(String streamId, int peak) {
}
