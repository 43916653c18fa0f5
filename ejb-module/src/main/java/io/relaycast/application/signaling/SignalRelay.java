package io.relaycast.application.signaling;

import io.relaycast.domain.model.DeliveryMode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import jakarta.inject.Inject;

/**
 * Who may address whom with offers, answers and candidates. The broadcaster names a viewer; a
 * viewer can only reach the broadcaster. Nothing is delivered when a rule is broken.
 */
@ApplicationScoped
public class SignalRelay {

    @Inject
    RoomRouter router;

    @Inject
    SignalingMetrics metrics;

    @Inject
    SignalingSettings settings;

    @Inject
    Clock clock;

    @Inject
    RoomLocks locks;

    @Inject
    RelayDelivery relayTree;

    public void relay(Participant from, SignalCommand.Relay msg) {
        requireSize(msg);
        Participant target = from.delivery() == DeliveryMode.RELAY
                ? locks.inRoom(from.streamId(), () -> relayTree.addressee(from, msg))
                : from.isBroadcaster() ? viewerAddressedBy(from, msg) : broadcasterFor(from, msg);
        if (!from.isBroadcaster()) {
            requireBudget(from); // the broadcaster, proven owner, negotiates with every viewer
        }
        if (!target.send(new SignalEvent.Relayed(msg.kind(), from.peerId(), msg.payload()))) {
            // The addressee is backed up: its socket is kept, this message is not.
            throw new SignalingException("rate-limited", "The addressee is not keeping up; this message was dropped.");
        }
        metrics.relayed();
    }

    private void requireSize(SignalCommand.Relay msg) {
        int max = msg.kind() == RelayKind.CANDIDATE ? settings.maxCandidateBytes() : settings.maxSdpBytes();
        // JSON text of a parsed value: characters ≤ UTF-8 bytes, and SDPs are ASCII
        if (msg.payload().length() > max) {
            throw new SignalingException("too-large", wireName(msg.kind()) + " payloads are limited to " + max
                    + " bytes.");
        }
    }

    /** A viewer relays a bounded number of messages per second, so no viewer can flood the broadcaster. */
    private void requireBudget(Participant from) {
        RateLimiter budget = from.relayBudget();
        if (budget == null) {
            int rate = settings.maxRelaysPerSecond();
            budget = new RateLimiter(rate, 3.0 * rate, clock.millis() * 1_000_000L);
            from.relayBudget(budget);
        }
        if (budget.acquire(clock.millis() * 1_000_000L) != RateLimiter.Verdict.ALLOW) {
            throw new SignalingException("rate-limited", "More than " + settings.maxRelaysPerSecond()
                    + " offers, answers or candidates per second; this one was dropped.");
        }
    }

    private Participant viewerAddressedBy(Participant broadcaster, SignalCommand.Relay msg) {
        if (msg.kind() == RelayKind.ANSWER) {
            throw new SignalingException("forbidden", "The broadcaster sends offers, not answers.");
        }
        PeerId to = msg.to();
        if (to == null) {
            throw new SignalingException("bad-message",
                    wireName(msg.kind()) + " from the broadcaster needs 'to' (a viewer's peerId).");
        }
        return router.find(broadcaster.streamId(), to).filter(m -> !m.isBroadcaster())
                .orElseThrow(() -> new SignalingException("unknown-peer", "No viewer '" + to + "' in this room."));
    }

    private Participant broadcasterFor(Participant viewer, SignalCommand.Relay msg) {
        if (msg.kind() == RelayKind.OFFER) {
            throw new SignalingException("forbidden", "Only the broadcaster sends offers.");
        }
        Participant b = router.broadcaster(viewer.streamId()).orElse(null);
        PeerId to = msg.to();
        if (to != null && (b == null || !to.equals(b.peerId()))) {
            boolean inRoom = router.find(viewer.streamId(), to).isPresent();
            throw new SignalingException(inRoom ? "forbidden" : "unknown-peer",
                    inRoom ? "A viewer may only address the broadcaster." : "No peer '" + to + "' in this room.");
        }
        if (b == null) {
            throw new SignalingException("no-broadcaster", "The broadcaster is not connected.");
        }
        return b;
    }

    /** For error texts only: the message type the client sent. */
    private static String wireName(RelayKind kind) {
        return switch (kind) {
            case OFFER -> "stream:offer";
            case ANSWER -> "stream:answer";
            case CANDIDATE -> "stream:ice-candidate";
        };
    }
}
