package io.relaycast.domain.model.stream;

import java.util.Objects;

/** A livestream's id as it appears in URLs and rooms (a UUID for streams created here). */
public record StreamId(String value) implements Comparable<StreamId> {

    public StreamId {
        Objects.requireNonNull(value, "stream id");
    }

    public static StreamId of(String value) {
        return new StreamId(value);
    }

    /** By the id's text: the order rows are locked in. */
    @Override
    public int compareTo(StreamId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
