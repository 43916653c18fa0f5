package io.relaycast.interfaces.signaling;

import io.relaycast.application.signaling.Participant;
import io.relaycast.application.signaling.RateLimiter;
import io.relaycast.domain.model.StreamId;
import io.relaycast.domain.model.UserId;

/** Per-socket state: which room it is for, who signed in, and (after stream:join) its participant. */
final class Connection {

    final StreamId streamId;
    final UserId principal;
    final WebSocketPeer peer;
    final RateLimiter limiter;
    volatile Participant participant;

    Connection(StreamId streamId, UserId principal, WebSocketPeer peer, RateLimiter limiter) {
        this.streamId = streamId;
        this.principal = principal;
        this.peer = peer;
        this.limiter = limiter;
    }
}
