package io.relaycast.interfaces.signaling;

import io.relaycast.application.routing.Participant;
import io.relaycast.application.limits.RateLimiter;
import io.relaycast.application.signaling.protocol.SignalCommand;
import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.domain.model.shared.UserId;
import java.util.ArrayList;
import java.util.List;

/** Per-socket state: which room it is for, who signed in, and (after stream:join) its participant. */
final class Connection {

    final StreamId streamId;
    final UserId principal;
    final WebSocketPeer peer;
    final RateLimiter limiter;
    /** Set once the join completes (a viewer's after its row is committed); guarded by this. */
    Participant participant;
    /** A join is under way: another one is refused, other commands wait for its outcome. */
    boolean joining;
    boolean closed;
    /** Commands that arrived while joining, handled (in order) once the join has its outcome. */
    final List<SignalCommand> afterJoin = new ArrayList<>(0);

    Connection(StreamId streamId, UserId principal, WebSocketPeer peer, RateLimiter limiter) {
        this.streamId = streamId;
        this.principal = principal;
        this.peer = peer;
        this.limiter = limiter;
    }
}
