package io.relaycast.application;

import java.time.Instant;

/**
 * What a broadcaster asks for when creating a stream; {@code delivery} is a wire name
 * ({@code p2p}, {@code sfu}) or null for the server's default.
 */
public record NewStream(String title, String description, boolean recordingEnabled, Instant scheduledAt,
                        String delivery) {

    public NewStream(String title, String description, boolean recordingEnabled, Instant scheduledAt) {
        this(title, description, recordingEnabled, scheduledAt, null);
    }
}
