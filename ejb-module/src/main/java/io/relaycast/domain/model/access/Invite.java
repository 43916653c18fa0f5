package io.relaycast.domain.model.access;

import io.relaycast.domain.model.shared.InputText;
import io.relaycast.domain.model.shared.InvalidInputException;
import io.relaycast.domain.model.shared.UtcTime;
import io.relaycast.domain.model.stream.StreamId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;

/**
 * An invite link to one stream. Only a hash of its secret is stored; the link (with the secret)
 * is shown once, when it is made. It admits its holders until it expires, is revoked, or has been
 * used by {@code maxUses} different people.
 */
@Entity
@Table(name = "livestream_invites")
@NamedQuery(name = Invite.OF_STREAM, query = "SELECT i FROM Invite i WHERE i.streamId = :streamId ORDER BY i.createdAt")
public class Invite {

    public static final String OF_STREAM = "Invite.ofStream";
    public static final int MAX_PER_STREAM = 100;

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "stream_id", nullable = false, length = 36)
    private String streamId;

    @Column(name = "secret_hash", nullable = false, length = 64)
    private String secretHash;

    @Column(name = "label", length = 200)
    private String label;

    @Column(name = "expires_at")
    private LocalDateTime expiresAt;

    @Column(name = "max_uses")
    private Integer maxUses;

    @Column(name = "uses", nullable = false)
    private int uses;

    @Column(name = "revoked", nullable = false)
    private boolean revoked;

    @Column(name = "created_by", nullable = false, length = 128)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    protected Invite() {
        // for JPA
    }

    public static Invite of(StreamId streamId, String secretHash, String label, Instant expiresAt, Integer maxUses,
                            String createdBy, Instant now) {
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw new InvalidInputException("expiresAt must be in the future.");
        }
        if (maxUses != null && (maxUses < 1 || maxUses > 100_000)) {
            throw new InvalidInputException("maxUses must be between 1 and 100000.");
        }
        Invite i = new Invite();
        i.id = UUID.randomUUID().toString();
        i.streamId = streamId.value();
        i.secretHash = secretHash;
        i.label = InputText.text(label, "label", 200, false);
        i.expiresAt = expiresAt == null ? null : UtcTime.toColumn(expiresAt);
        i.maxUses = maxUses;
        i.createdBy = createdBy;
        i.createdAt = UtcTime.toColumn(now);
        return i;
    }

    /** Still admits people: not revoked, not expired; {@code newHolder}: someone who has not used it yet. */
    public boolean admits(Instant now, boolean newHolder) {
        if (revoked || (expiresAt != null && !UtcTime.fromColumn(expiresAt).isAfter(now))) {
            return false;
        }
        return !newHolder || maxUses == null || uses < maxUses;
    }

    /** One more person used it. */
    public void used() {
        uses++;
    }

    public void revoke() {
        revoked = true;
    }

    public boolean belongsTo(StreamId stream) {
        return streamId.equals(stream.value());
    }

    public String id() {
        return id;
    }

    public String secretHash() {
        return secretHash;
    }

    public String label() {
        return label;
    }

    public Instant expiresAt() {
        return expiresAt == null ? null : UtcTime.fromColumn(expiresAt);
    }

    public Integer maxUses() {
        return maxUses;
    }

    public int uses() {
        return uses;
    }

    public boolean revoked() {
        return revoked;
    }

    public Instant createdAt() {
        return UtcTime.fromColumn(createdAt);
    }
}
