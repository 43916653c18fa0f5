package io.relaycast.application.signaling;

import io.relaycast.application.delivery.relay.RelayDelivery;
import io.relaycast.application.reaction.ReactionService;
import io.relaycast.application.routing.Participant;
import io.relaycast.application.routing.Peer;
import io.relaycast.application.signaling.protocol.SignalCommand;
import io.relaycast.application.signaling.protocol.SignalEvent;
import io.relaycast.application.signaling.protocol.SignalingException;
import io.relaycast.application.chat.ChatAuthor;
import io.relaycast.application.chat.ChatService;
import io.relaycast.application.access.StaffRoles;
import io.relaycast.application.analytics.ViewerQuality;
import io.relaycast.application.stream.LivestreamService;
import io.relaycast.domain.model.chat.ChatText;
import io.relaycast.domain.model.shared.DomainException;
import io.relaycast.domain.model.shared.RateLimitedException;
import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.domain.model.shared.UserId;
import io.relaycast.application.delivery.Deliveries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.relaycast.application.delivery.relay.RelayTree;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * The signaling rules' single entry point for a transport: typed commands in, typed events out
 * through each participant's {@link Peer}. Broken rules come back as {@link SignalingException}
 * with the protocol's error code; the transport turns them into its own error message.
 */
@ApplicationScoped
public class SignalingService {

    @Inject
    RoomAdmission admission;

    @Inject
    SignalRelay relay;

    @Inject
    RoomLifecycle lifecycle;

    @Inject
    Deliveries deliveries;

    @Inject
    LivestreamService streams;

    @Inject
    ChatService chat;

    @Inject
    Clock clock;

    @Inject
    ReactionService reactions;

    @Inject
    StaffRoles roles;

    @Inject
    ViewerQuality quality;

    @Inject
    RelayDelivery relayTree;


    /**
     * The first command of a session. Rules broken up front are thrown at once; otherwise the stage
     * completes with the new participant once its {@code stream:joined} is sent (a viewer's after its
     * viewing session is committed), or fails with a {@link SignalingException}.
     */
    public CompletionStage<Participant> join(Peer transport, StreamId streamId, SignalCommand.Join join,
                                             UserId principal) {
        try {
            return admission.join(transport, streamId, join, principal).handle((p, failure) -> {
                if (failure == null) {
                    return p;
                }
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                if (cause instanceof DomainException e) {
                    throw translate(e);
                }
                if (cause instanceof RuntimeException e) {
                    throw e;
                }
                throw new IllegalStateException(cause);
            });
        } catch (DomainException e) {
            throw translate(e);
        }
    }

    /** A command before the session joined: only {@code ping} is allowed. */
    public void beforeJoin(Peer transport, SignalCommand command) {
        if (!(command instanceof SignalCommand.Ping)) {
            throw new SignalingException("not-joined", "Send stream:join first.");
        }
        transport.send(new SignalEvent.Pong(clock.instant()));
    }

    /** Every command after a successful join. */
    public void handle(Participant from, SignalCommand command) {
        try {
            if (command instanceof SignalCommand.Relay r) {
                relay.relay(from, r);
            } else if (command instanceof SignalCommand.SfuNegotiation n) {
                if (!from.isBroadcaster()) {
                    relay.requireBudget(from); // the broadcaster, proven owner, publishes as it needs
                }
                deliveries.of(from).negotiate(from, n);
            } else if (command instanceof SignalCommand.ChatSend c) {
                chat.post(from.streamId(), author(from), ChatText.of(c.message()).value());
            } else if (command instanceof SignalCommand.Like) {
                streams.like(from.streamId(), requireSignedIn(from, "like"));
            } else if (command instanceof SignalCommand.React r) {
                reactions.react(from, r.emoji());
            } else if (command instanceof SignalCommand.EndStream) {
                if (!from.isBroadcaster()) {
                    throw new SignalingException("forbidden", "Only the broadcaster can end the stream.");
                }
                streams.end(from.streamId(), from.userId().value(), null);
            } else if (command instanceof SignalCommand.Stats st) {
                if (from.isBroadcaster()) {
                    throw new SignalingException("forbidden", "stats are reported by viewers.");
                }
                quality.report(from.streamId(), new ViewerQuality.Report(from.peerId().value(),
                        UserId.valueOrNull(from.userId()), from.playback().wireName(), st.rttMs(), st.lossPercent(),
                        st.bitrateKbps(), st.framesPerSecond(), clock.instant()));
                deliveries.of(from).measured(from, st);
            } else if (command instanceof SignalCommand.ChangePlayback c) {
                deliveries.of(from).playbackChanged(from, c.playback());
            } else if (command instanceof SignalCommand.LostParent) {
                deliveries.of(from).lostParent(from);
            } else if (command instanceof SignalCommand.Ping) {
                from.send(new SignalEvent.Pong(clock.instant()));
            } else if (command instanceof SignalCommand.Join) {
                throw new SignalingException("already-joined", "This session has already joined.");
            }
        } catch (DomainException e) {
            throw translate(e);
        }
    }

    /** The relay tree of a stream, root first (empty unless its delivery is relay and viewers joined). */
    public List<RelayTree.NodeView> topology(StreamId streamId) {
        return relayTree.topology(streamId);
    }

    /** A session is gone (closed, dropped, timed out). */
    public void disconnected(Participant p) {
        quality.left(p.streamId(), p.peerId().value());
        lifecycle.disconnected(p);
    }

    /** Signed-in users by their id; anonymous viewers as a guest name from their session (if the stream allows). */
    private ChatAuthor author(Participant p) {
        if (p.userId() == null) {
            // the browser's guest identity when it has one, so a reload keeps the name, limits and bans
            String guest = p.transport().guestId();
            return ChatAuthor.guest(guest != null ? guest : p.peerId().value());
        }
        return ChatAuthor.signedIn(p.userId().value(), roles.actor(p.userId().value()).moderator());
    }

    private static String requireSignedIn(Participant p, String action) {
        if (p.userId() == null) {
            throw new SignalingException("unauthenticated", "Sign in to " + action + ".");
        }
        return p.userId().value();
    }

    private static SignalingException translate(DomainException e) {
        long retryAfter = e instanceof RateLimitedException limited ? limited.retryAfterSeconds() : 0;
        return new SignalingException(e.code(), e.getMessage(), retryAfter);
    }
}
