package io.relaycast.application.events;

/** Fired inside the transaction that made a stream live; observers act after it commits. */
public record StreamStarted(String streamId) {
}
