package io.relaycast.domain.model.stream;

import java.util.Objects;
import java.util.regex.Pattern;

/** A livestream's id as it appears in URLs and rooms (a UUID for streams created here). */
public record StreamId(String value) implements Comparable<StreamId> {

    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9-]{1,64}");

    public StreamId {
        Objects.requireNonNull(value, "stream id");
    }

    public static StreamId of(String value) {
        return new StreamId(value);
    }

    /**
     * The id as a file or object name (media, recordings): only letters, digits and hyphens, as a
     * UUID has; anything else must never become part of a path.
     */
    public String asName() {
        if (!SAFE_NAME.matcher(value).matches()) {
            throw new IllegalArgumentException("unsafe stream id");
        }
        return value;
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
