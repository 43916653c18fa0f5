package io.relaycast.domain.model.viewer;

import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.domain.model.shared.UtcTime;
import io.relaycast.domain.model.stream.Livestream;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Objects;
import java.util.UUID;

/** One viewing session: open while {@code left_at} is null. */
@Entity
@Table(name = "livestream_viewers", indexes = {
        @Index(name = "idx_viewers_stream_id", columnList = "stream_id"),
        @Index(name = "idx_viewers_user_id", columnList = "user_id")
})
@NamedQuery(name = LivestreamViewer.COUNT_OPEN,
        query = "SELECT COUNT(v) FROM LivestreamViewer v WHERE v.stream.id = :streamId AND v.leftAt IS NULL")
@NamedQuery(name = LivestreamViewer.COUNT_OPEN_BY_STREAMS,
        query = "SELECT v.stream.id, COUNT(v) FROM LivestreamViewer v"
                + " WHERE v.stream.id IN :streamIds AND v.leftAt IS NULL GROUP BY v.stream.id")
@NamedQuery(name = LivestreamViewer.COUNT_ALL,
        query = "SELECT COUNT(v) FROM LivestreamViewer v WHERE v.stream.id = :streamId")
@NamedQuery(name = LivestreamViewer.UNIQUE_SIGNED_IN,
        query = "SELECT COUNT(DISTINCT v.userId) FROM LivestreamViewer v WHERE v.stream.id = :streamId AND v.userId IS NOT NULL")
@NamedQuery(name = LivestreamViewer.COUNT_ANONYMOUS,
        query = "SELECT COUNT(v) FROM LivestreamViewer v WHERE v.stream.id = :streamId AND v.userId IS NULL")
@NamedQuery(name = LivestreamViewer.WATCH_INTERVALS,
        query = "SELECT v.joinedAt, v.leftAt FROM LivestreamViewer v WHERE v.stream.id = :streamId")
@NamedQuery(name = LivestreamViewer.SIGNED_IN_SESSIONS,
        query = "SELECT v.userId, v.joinedAt, v.leftAt FROM LivestreamViewer v"
                + " WHERE v.stream.id = :streamId AND v.userId IS NOT NULL ORDER BY v.userId, v.joinedAt")
@NamedQuery(name = LivestreamViewer.CLOSE_OPEN,
        query = "UPDATE LivestreamViewer v SET v.leftAt = :now WHERE v.stream.id = :streamId AND v.leftAt IS NULL")
@NamedQuery(name = LivestreamViewer.CLOSE_ALL_OPEN,
        query = "UPDATE LivestreamViewer v SET v.leftAt = :now WHERE v.leftAt IS NULL")
public class LivestreamViewer {

    public static final String COUNT_OPEN = "LivestreamViewer.countOpen";
    public static final String COUNT_OPEN_BY_STREAMS = "LivestreamViewer.countOpenByStreams";
    public static final String COUNT_ALL = "LivestreamViewer.countAll";
    public static final String WATCH_INTERVALS = "LivestreamViewer.watchIntervals";
    public static final String SIGNED_IN_SESSIONS = "LivestreamViewer.signedInSessions";
    public static final String UNIQUE_SIGNED_IN = "LivestreamViewer.uniqueSignedIn";
    public static final String COUNT_ANONYMOUS = "LivestreamViewer.countAnonymous";
    public static final String CLOSE_OPEN = "LivestreamViewer.closeOpen";
    public static final String CLOSE_ALL_OPEN = "LivestreamViewer.closeAllOpen";

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "stream_id", nullable = false)
    private Livestream stream;

    // Read-only copy of the foreign key, usable on detached rows without loading the stream.
    @Column(name = "stream_id", insertable = false, updatable = false)
    private String streamId;

    /** Null for anonymous viewers. */
    @Column(name = "user_id", length = 128)
    private String userId;

    @Column(name = "joined_at", nullable = false)
    private LocalDateTime joinedAt;

    @Column(name = "left_at")
    private LocalDateTime leftAt;

    protected LivestreamViewer() {
        // for JPA
    }

    private LivestreamViewer(Livestream stream, String userId, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.stream = Objects.requireNonNull(stream);
        this.streamId = stream.getId().value();
        this.userId = userId;
        this.joinedAt = UtcTime.toColumn(now);
    }

    /** Opens a viewing session; the stream must be live. */
    public static LivestreamViewer join(Livestream stream, String userIdOrNull, Instant now) {
        stream.requireLive("join");
        return new LivestreamViewer(stream, userIdOrNull, now);
    }

    /** Idempotent: leaving twice keeps the first time. */
    public void leave(Instant now) {
        if (leftAt == null) {
            leftAt = UtcTime.toColumn(now);
        }
    }

    public boolean isOpen() {
        return leftAt == null;
    }

    public boolean belongsTo(StreamId streamId) {
        return this.streamId.equals(streamId.value());
    }

    /** How long this session watched: until it left, or until {@code now} while open. */
    public static Duration watchTime(Instant joined, Instant left, Instant now) {
        Duration d = Duration.between(joined, left != null ? left : now);
        return d.isNegative() ? Duration.ZERO : d;
    }

    public String getId() {
        return id;
    }

    public StreamId getStreamId() {
        return StreamId.of(streamId);
    }

    public String getUserId() {
        return userId;
    }

    public Instant getJoinedAt() {
        return UtcTime.fromColumn(joinedAt);
    }

    public Instant getLeftAt() {
        return UtcTime.fromColumn(leftAt);
    }
}
