package io.relaycast.domain.model.viewer;

import java.util.Objects;

/** A viewing session (a {@code livestream_viewers} row); handed to the viewer so it can adopt the row. */
public record ViewerId(String value) {

    public ViewerId {
        Objects.requireNonNull(value, "viewer id");
    }

    /** Null in, null out: for optional ids read off the wire or the database. */
    public static ViewerId ofNullable(String value) {
        return value == null ? null : new ViewerId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
