package io.relaycast.domain.model.access;

import io.relaycast.domain.model.stream.StreamId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Streams' access rules and their invites. */
public interface AccessRepository {

    Optional<StreamAccess> find(StreamId streamId);

    /** The rules of those streams that have one (the others are public). */
    Map<StreamId, StreamAccess> findAll(Collection<StreamId> streamIds);

    void save(StreamAccess access);

    void add(Invite invite);

    Optional<Invite> findInvite(String inviteId);

    /** The invite, row-locked until the transaction ends: its uses are counted one at a time. */
    Optional<Invite> findInviteForUpdate(String inviteId);

    List<Invite> invites(StreamId streamId);

    /** Whether that use (invite and holder, hashed) is recorded already. */
    boolean used(String useId);

    void addUse(InviteUse use);
}
