package io.relaycast.domain.model.shared;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Entities keep timestamps as UTC {@link LocalDateTime}: EclipseLink 4 would store {@link Instant}
 * as a serialized blob, and LocalDateTime maps to a plain TIMESTAMP on H2 and PostgreSQL alike.
 */
public final class UtcTime {

    private UtcTime() {
    }

    public static LocalDateTime toColumn(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    public static Instant fromColumn(LocalDateTime value) {
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }
}
