package io.relaycast.domain.model.stream;

import io.relaycast.domain.model.shared.UtcTime;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;

/**
 * When a stream was created, went on air and came off it (UTC columns). {@code created_at} is never
 * null, so JPA always gives the stream an instance (an embeddable of only null columns reads as null).
 */
@Embeddable
public class StreamTimes {

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    @Column(name = "started_at")
    private LocalDateTime startedAt;

    @Column(name = "ended_at")
    private LocalDateTime endedAt;

    protected StreamTimes() {
        // for JPA
    }

    StreamTimes(Instant created) {
        createdAt = UtcTime.toColumn(created);
    }

    void started(Instant now) {
        startedAt = UtcTime.toColumn(now);
    }

    void ended(Instant now) {
        endedAt = UtcTime.toColumn(now);
    }

    /** From start to end, or to now while live; zero before start. */
    Duration duration(Instant now) {
        if (startedAt == null) {
            return Duration.ZERO;
        }
        Instant until = endedAt != null ? UtcTime.fromColumn(endedAt) : now;
        Duration d = Duration.between(UtcTime.fromColumn(startedAt), until);
        return d.isNegative() ? Duration.ZERO : d;
    }

    Instant createdAt() {
        return UtcTime.fromColumn(createdAt);
    }

    Instant startedAt() {
        return UtcTime.fromColumn(startedAt);
    }

    Instant endedAt() {
        return UtcTime.fromColumn(endedAt);
    }
}
