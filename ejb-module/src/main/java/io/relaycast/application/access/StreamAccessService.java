package io.relaycast.application.access;

import io.relaycast.domain.model.access.AccessRepository;
import io.relaycast.domain.model.access.Invite;
import io.relaycast.domain.model.access.StreamAccess;
import io.relaycast.domain.model.access.Visibility;
import io.relaycast.domain.model.shared.ActionForbiddenException;
import io.relaycast.domain.model.shared.LimitReachedException;
import io.relaycast.domain.model.stream.Livestream;
import io.relaycast.domain.model.stream.LivestreamRepository;
import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.domain.model.stream.StreamNotFoundException;
import io.relaycast.application.events.AccessChanged;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** The owner's (or an admin's) side of access: who may watch, and invite links. */
@Stateless
public class StreamAccessService {

    /** An invite as made: the token is in {@code url} and is never shown again. */
    public record NewInvite(Invite invite, String token) {
    }

    @Inject
    AccessRepository access;

    @Inject
    LivestreamRepository streams;

    @Inject
    Clock clock;

    @Inject
    Event<Object> events;

    public StreamAccess rules(StreamId streamId) {
        streams.get(streamId);
        return access.find(streamId).orElseGet(() -> StreamAccess.publicAccess(streamId));
    }

    /** Sets who may watch a stream (at creation, or later by its owner or an admin). */
    public StreamAccess change(StreamId streamId, Actor actor, Visibility visibility, Collection<String> users,
                               Collection<String> groups) {
        requireOwnerOrAdmin(streamId, actor);
        StreamAccess rules = set(streamId, visibility, users, groups);
        events.fire(new AccessChanged(streamId)); // who is watching now is checked again
        return rules;
    }

    /** At creation: the creator owns the stream already. */
    public StreamAccess set(StreamId streamId, Visibility visibility, Collection<String> users,
                            Collection<String> groups) {
        StreamAccess rules = access.find(streamId).orElse(null);
        if (rules == null) {
            rules = StreamAccess.of(streamId, visibility, users, groups);
            access.save(rules);
        } else {
            rules.change(visibility, users, groups);
        }
        return rules;
    }

    public NewInvite invite(StreamId streamId, Actor actor, String label, Instant expiresAt, Integer maxUses) {
        requireOwnerOrAdmin(streamId, actor);
        if (access.invites(streamId).size() >= Invite.MAX_PER_STREAM) {
            throw new LimitReachedException("A stream has at most " + Invite.MAX_PER_STREAM + " invite links.");
        }
        String secret = InviteSecrets.newSecret();
        Invite invite = Invite.of(streamId, InviteSecrets.hash(secret), label, expiresAt, maxUses, actor.userId(),
                clock.instant());
        access.add(invite);
        return new NewInvite(invite, invite.id() + "." + secret);
    }

    public List<Invite> invites(StreamId streamId, Actor actor) {
        requireOwnerOrAdmin(streamId, actor);
        return access.invites(streamId);
    }

    public void revoke(StreamId streamId, String inviteId, Actor actor) {
        requireOwnerOrAdmin(streamId, actor);
        Invite invite = access.findInvite(inviteId).filter(i -> i.belongsTo(streamId))
                .orElseThrow(() -> new StreamNotFoundException("There is no invite '" + inviteId + "' on this stream."));
        invite.revoke();
        events.fire(new AccessChanged(streamId)); // its holders in the room are checked again
    }

    /** Refuses (403) anyone but the stream's owner and admins. */
    public void requireManager(StreamId streamId, Actor actor) {
        requireOwnerOrAdmin(streamId, actor);
    }

    private Livestream requireOwnerOrAdmin(StreamId streamId, Actor actor) {
        Livestream stream = streams.get(streamId);
        if (!actor.managerOf(stream)) {
            throw new ActionForbiddenException("Only the stream's owner or an admin may change who may watch it.");
        }
        return stream;
    }
}
