package io.relaycast.application.stream;

import java.time.Instant;

/**
 * What a broadcaster asks for when creating a stream; {@code delivery} is a wire name
 * ({@code p2p}, {@code sfu}, {@code relay}) or null for the server's default; {@code relayFanout}
 * (1–8, null: 3) is how many viewers each node of a relay tree feeds.
 */
public record NewStream(String title, String description, boolean recordingEnabled, Instant scheduledAt,
                        String delivery, Integer relayFanout) {

    public NewStream(String title, String description, boolean recordingEnabled, Instant scheduledAt) {
        this(title, description, recordingEnabled, scheduledAt, null, null);
    }
}
