package io.relaycast.interfaces.signaling;

import io.relaycast.application.signaling.Participant;
import io.relaycast.application.signaling.RateLimiter;

/** Per-socket state: which room it is for, who signed in, and (after stream:join) its participant. */
final class Connection {

    final String streamId;
    final String principal;
    final WebSocketPeer peer;
    final RateLimiter limiter;
    volatile Participant participant;

    Connection(String streamId, String principal, WebSocketPeer peer, RateLimiter limiter) {
        this.streamId = streamId;
        this.principal = principal;
        this.peer = peer;
        this.limiter = limiter;
    }
}
