package io.relaycast.domain.model;

import java.util.Objects;

/** A livestream's id as it appears in URLs and rooms (a UUID for streams created here). */
public record StreamId(String value) {

    public StreamId {
        Objects.requireNonNull(value, "stream id");
    }

    public static StreamId of(String value) {
        return new StreamId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
