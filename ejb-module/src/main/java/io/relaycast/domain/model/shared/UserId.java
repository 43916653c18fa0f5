package io.relaycast.domain.model.shared;

import java.util.Objects;

/** An authenticated principal's name; anonymous callers have none (null, never a placeholder). */
public record UserId(String value) {

    public UserId {
        Objects.requireNonNull(value, "user id");
    }

    /** Null in, null out: an absent principal stays absent. */
    public static UserId ofNullable(String value) {
        return value == null ? null : new UserId(value);
    }

    /** The name, or null for nobody. */
    public static String valueOrNull(UserId user) {
        return user == null ? null : user.value();
    }

    @Override
    public String toString() {
        return value;
    }
}
