package io.relaycast.domain.model.access;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** That one person (a user or a guest identity) has used an invite: its uses count people, not page loads. */
@Entity
@Table(name = "livestream_invite_uses")
public class InviteUse {

    /** The invite id and the holder, hashed together (a fixed-length key). */
    @Id
    @Column(name = "id", length = 64)
    private String id;

    @Column(name = "invite_id", nullable = false, length = 36)
    private String inviteId;

    protected InviteUse() {
        // for JPA
    }

    public InviteUse(String id, String inviteId) {
        this.id = id;
        this.inviteId = inviteId;
    }
}
