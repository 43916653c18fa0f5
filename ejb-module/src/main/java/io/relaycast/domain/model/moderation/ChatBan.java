package io.relaycast.domain.model.moderation;

import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.domain.model.shared.InputText;
import io.relaycast.domain.model.shared.InvalidInputException;
import io.relaycast.domain.model.shared.UtcTime;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;

/** A user barred from a stream's chat and likes, for good or until it expires. */
@Entity
@Table(name = "livestream_bans")
@NamedQuery(name = ChatBan.FIND, query = "SELECT b FROM ChatBan b WHERE b.streamId = :streamId AND b.userId = :userId")
@NamedQuery(name = ChatBan.LIST, query = "SELECT b FROM ChatBan b WHERE b.streamId = :streamId ORDER BY b.createdAt")
public class ChatBan {

    public static final String FIND = "ChatBan.find";
    public static final String LIST = "ChatBan.list";
    public static final int MAX_REASON = 500;
    public static final int MAX_MINUTES = 525_600; // a year

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "stream_id", nullable = false, length = 36)
    private String streamId;

    @Column(name = "user_id", nullable = false, length = 128)
    private String userId;

    @Column(name = "reason", length = MAX_REASON)
    private String reason;

    @Column(name = "created_by", nullable = false, length = 128)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    @Column(name = "expires_at")
    private LocalDateTime expiresAt;

    protected ChatBan() {
        // for JPA
    }

    public static ChatBan of(StreamId streamId, String userId, String reason, Integer minutes, String by, Instant now) {
        if (userId == null || userId.isBlank() || userId.length() > 128) {
            throw new InvalidInputException("userId (1–128 characters) is required.");
        }
        if (reason != null && reason.length() > MAX_REASON) {
            throw new InvalidInputException("reason is limited to " + MAX_REASON + " characters.");
        }
        InputText.plain(userId, "userId", false);
        InputText.plain(reason, "reason", true);
        if (minutes != null && (minutes < 1 || minutes > MAX_MINUTES)) {
            throw new InvalidInputException("minutes must be 1–" + MAX_MINUTES + " (or absent for no end).");
        }
        ChatBan b = new ChatBan();
        b.id = UUID.randomUUID().toString();
        b.streamId = streamId.value();
        b.userId = userId;
        b.reason = reason == null || reason.isBlank() ? null : reason.strip();
        b.createdBy = by;
        b.createdAt = UtcTime.toColumn(now);
        b.expiresAt = minutes == null ? null : UtcTime.toColumn(now.plus(Duration.ofMinutes(minutes)));
        return b;
    }

    public boolean isActive(Instant now) {
        return expiresAt == null || UtcTime.fromColumn(expiresAt).isAfter(now);
    }

    public StreamId getStreamId() {
        return StreamId.of(streamId);
    }

    public String getUserId() {
        return userId;
    }

    public String getReason() {
        return reason;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return UtcTime.fromColumn(createdAt);
    }

    public Instant getExpiresAt() {
        return UtcTime.fromColumn(expiresAt);
    }
}
