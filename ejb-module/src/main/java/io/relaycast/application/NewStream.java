package io.relaycast.application;

import java.time.Instant;

/** What a broadcaster asks for when creating a stream. */
public record NewStream(String title, String description, boolean recordingEnabled, Instant scheduledAt) {
}
