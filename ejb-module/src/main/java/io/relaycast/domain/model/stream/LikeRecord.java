package io.relaycast.domain.model.stream;

import io.relaycast.domain.model.shared.UtcTime;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDateTime;

/** One like, kept so that the stream's timeline can show when they came. */
@Entity
@Table(name = "livestream_likes")
@NamedQuery(name = LikeRecord.TIMES, query = "SELECT l.createdAt FROM LikeRecord l WHERE l.streamId = :streamId")
public class LikeRecord {

    public static final String TIMES = "LikeRecord.times";

    @Id
    @SequenceGenerator(name = "likes_seq", sequenceName = "livestream_likes_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "likes_seq")
    @Column(name = "id")
    private Long id;

    @Column(name = "stream_id", nullable = false, length = 36)
    private String streamId;

    @Column(name = "user_id", nullable = false, length = 128)
    private String userId;

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    protected LikeRecord() {
        // for JPA
    }

    public LikeRecord(StreamId streamId, String userId, Instant now) {
        this.streamId = streamId.value();
        this.userId = userId;
        this.createdAt = UtcTime.toColumn(now);
    }
}
