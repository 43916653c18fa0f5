package io.relaycast.domain.model.stream;

import java.util.Locale;

/**
 * Where a stream's recording is: {@code off} (not recording: turned off, or not on air yet),
 * {@code recording} while live, {@code processing} after the end until the VOD is built,
 * {@code ready}, or {@code failed} (nothing usable was recorded, or building it failed).
 */
public enum RecordingState {
    OFF, RECORDING, PROCESSING, READY, FAILED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
