package io.relaycast.application.access;

import io.relaycast.domain.model.access.AccessRepository;
import io.relaycast.domain.model.access.Invite;
import io.relaycast.domain.model.access.InviteUse;
import io.relaycast.domain.model.access.StreamAccess;
import io.relaycast.domain.model.access.WatchDecision;
import io.relaycast.domain.model.access.Watcher;
import io.relaycast.domain.model.shared.ActionForbiddenException;
import io.relaycast.domain.model.shared.SignInRequiredException;
import io.relaycast.domain.model.stream.Livestream;
import io.relaycast.domain.model.stream.LivestreamRepository;
import io.relaycast.domain.model.stream.StreamId;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Who may watch: every path into a stream (its page, its API, the socket, its media) asks here.
 * An invite lets in whoever holds it; its use is counted once per person ({@code holder}: the user
 * or the guest identity).
 */
@Stateless
public class WatchPolicy {

    @Inject
    AccessRepository access;

    @Inject
    LivestreamRepository streams;

    @Inject
    Clock clock;

    /** Throws {@link SignInRequiredException} (401) or {@link ActionForbiddenException} (403) unless allowed. */
    public void requireMayWatch(StreamId streamId, Watcher watcher, String holder) {
        Livestream stream = streams.get(streamId);
        Optional<StreamAccess> rules = access.find(streamId);
        WatchDecision decision = rules.map(r -> r.decide(watcher, stream.getUserId())).orElse(WatchDecision.ALLOWED);
        if (decision == WatchDecision.ALLOWED) {
            return;
        }
        if (watcher.invite() != null) {
            if (redeem(streamId, watcher.invite(), holder)) {
                return;
            }
            throw new ActionForbiddenException("This invite link is not valid (any more): it expired, was revoked "
                    + "or has been used by as many people as it allows.");
        }
        if (decision == WatchDecision.SIGN_IN) {
            throw new SignInRequiredException("Sign in to watch this stream.");
        }
        throw new ActionForbiddenException("This stream is restricted; you are not on its list.");
    }

    /** The items whose streams the watcher may see in listings (invites do not list streams). */
    public <T> List<T> visible(List<T> items, Function<T, Livestream> streamOf, Watcher watcher) {
        Map<StreamId, StreamAccess> rules = access.findAll(items.stream().map(i -> streamOf.apply(i).getId()).toList());
        return items.stream().filter(i -> {
            Livestream s = streamOf.apply(i);
            StreamAccess r = rules.get(s.getId());
            return r == null || r.decide(watcher, s.getUserId()) == WatchDecision.ALLOWED;
        }).toList();
    }

    private boolean redeem(StreamId streamId, String token, String holder) {
        String[] parts = InviteSecrets.parse(token);
        if (parts == null) {
            return false;
        }
        Optional<Invite> found = access.findInvite(parts[0])
                .filter(i -> i.belongsTo(streamId) && InviteSecrets.matches(parts[1], i.secretHash()));
        if (found.isEmpty()) {
            return false;
        }
        if (found.get().maxUses() == null) {
            return found.get().admits(clock.instant(), false); // uses are not counted: nothing to lock
        }
        if (holder == null) {
            return false; // an invite for N people needs to know who is asking (a user or a guest cookie)
        }
        Invite invite = access.findInviteForUpdate(parts[0]).orElseThrow(); // concurrent first uses: one at a time
        String useId = InviteSecrets.hash(invite.id() + "\n" + holder);
        boolean newHolder = !access.used(useId);
        if (!invite.admits(clock.instant(), newHolder)) {
            return false;
        }
        if (newHolder) {
            invite.used();
            access.addUse(new InviteUse(useId, invite.id()));
        }
        return true;
    }
}
