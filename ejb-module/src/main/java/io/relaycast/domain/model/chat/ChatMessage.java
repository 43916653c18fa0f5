package io.relaycast.domain.model.chat;

import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.domain.model.shared.InvalidInputException;
import io.relaycast.domain.model.shared.UtcTime;
import io.relaycast.domain.model.stream.Livestream;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDateTime;

/** A chat line, stored before it is shown to anyone. */
@Entity
@Table(name = "livestream_chat", indexes = {
        @Index(name = "idx_chat_stream_id", columnList = "stream_id, created_at"),
        @Index(name = "idx_chat_user_id", columnList = "user_id")
})
@NamedQuery(name = ChatMessage.FIND_NEWEST_FIRST,
        query = "SELECT m FROM ChatMessage m WHERE m.stream.id = :streamId ORDER BY m.createdAt DESC, m.id DESC")
@NamedQuery(name = ChatMessage.COUNT,
        query = "SELECT COUNT(m) FROM ChatMessage m WHERE m.stream.id = :streamId")
@NamedQuery(name = ChatMessage.LAST_BY_USER,
        query = "SELECT MAX(m.createdAt) FROM ChatMessage m WHERE m.stream.id = :streamId AND m.userId = :userId")
@NamedQuery(name = ChatMessage.TIMES,
        query = "SELECT m.createdAt FROM ChatMessage m WHERE m.stream.id = :streamId")
public class ChatMessage {

    public static final String FIND_NEWEST_FIRST = "ChatMessage.findNewestFirst";
    public static final String COUNT = "ChatMessage.count";
    public static final String LAST_BY_USER = "ChatMessage.lastByUser";
    public static final String TIMES = "ChatMessage.times";
    public static final int MAX_DISPLAY_NAME = 128;

    @Id
    @SequenceGenerator(name = "chat_seq", sequenceName = "livestream_chat_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "chat_seq")
    @Column(name = "id")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "stream_id", nullable = false)
    private Livestream stream;

    @Column(name = "user_id", nullable = false, length = 128)
    private String userId;

    @Column(name = "display_name", nullable = false, length = MAX_DISPLAY_NAME)
    private String displayName;

    // Up to 500 code points may need up to 1000 UTF-16 units.
    @Column(name = "message", nullable = false, length = 2 * ChatText.MAX_LENGTH)
    private String message;

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    @Column(name = "stream_id", insertable = false, updatable = false)
    private String streamId;

    protected ChatMessage() {
        // for JPA
    }

    private ChatMessage(Livestream stream, String userId, String displayName, String text, Instant now) {
        this.stream = stream;
        this.streamId = stream.getId().value();
        this.userId = userId;
        this.displayName = displayName == null || displayName.isBlank() ? userId : displayName;
        this.message = text;
        this.createdAt = UtcTime.toColumn(now);
    }

    /** Validates the text (see {@link ChatText}) and that the stream is live. */
    public static ChatMessage post(Livestream stream, String userId, String displayName, String rawText,
                                   Instant now) {
        if (userId == null || userId.isBlank()) {
            throw new InvalidInputException("A chat message needs an author.");
        }
        String text = ChatText.normalize(rawText);
        stream.requireLive("chat");
        return new ChatMessage(stream, userId, displayName, text, now);
    }

    public Long getId() {
        return id;
    }

    public StreamId getStreamId() {
        return StreamId.of(streamId);
    }

    public String getUserId() {
        return userId;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getMessage() {
        return message;
    }

    public Instant getCreatedAt() {
        return UtcTime.fromColumn(createdAt);
    }
}
