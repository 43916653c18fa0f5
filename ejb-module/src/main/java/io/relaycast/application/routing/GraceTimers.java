package io.relaycast.application.routing;

import io.relaycast.domain.model.stream.StreamId;
import java.time.Duration;

/**
 * One timer per room: how long a live stream waits for its broadcaster to come back. Local
 * scheduled tasks today; on several servers the timer must fire once, on whichever node.
 */
public interface GraceTimers {

    /** Starts (or restarts) the room's timer; {@code onExpiry} runs once unless it is cancelled. */
    void start(StreamId streamId, Duration grace, Runnable onExpiry);

    /** Cancels the room's timer; true when one was running. */
    boolean cancel(StreamId streamId);

    /** Forgets an expired timer (called from its own expiry). */
    void expired(StreamId streamId);
}
