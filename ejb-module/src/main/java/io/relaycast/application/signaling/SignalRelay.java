package io.relaycast.application.signaling;

import io.relaycast.application.limits.RateLimiter;
import io.relaycast.application.routing.Participant;
import io.relaycast.application.signaling.protocol.SignalCommand;
import io.relaycast.application.signaling.protocol.SignalEvent;
import io.relaycast.application.signaling.protocol.SignalingException;
import io.relaycast.application.delivery.Deliveries;
import io.relaycast.application.signaling.protocol.RelayKind;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import jakarta.inject.Inject;

/**
 * Offers, answers and candidates between members: within size and rate limits, to the addressee
 * the stream's delivery allows ({@link io.relaycast.application.delivery.Delivery#addressee}).
 * Nothing is delivered when a rule is broken.
 */
@ApplicationScoped
public class SignalRelay {

    @Inject
    SignalingMetrics metrics;

    @Inject
    SignalingSettings settings;

    @Inject
    Clock clock;

    @Inject
    Deliveries deliveries;

    public void relay(Participant from, SignalCommand.Relay msg) {
        requireSize(msg);
        Participant target = deliveries.of(from).addressee(from, msg);
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
            throw new SignalingException("too-large", msg.kind().wireType() + " payloads are limited to " + max
                    + " bytes.");
        }
    }

    /**
     * A viewer sends a bounded number of negotiation messages per second (relayed ones and
     * {@code sfu:*} alike), so no viewer can flood the broadcaster or the SFU.
     */
    void requireBudget(Participant from) {
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
}
