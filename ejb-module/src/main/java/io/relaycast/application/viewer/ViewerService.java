package io.relaycast.application.viewer;

import io.relaycast.domain.model.stream.StreamId;
import java.util.concurrent.CompletionStage;

/** Opening and closing viewing sessions. */
public interface ViewerService {

    /** Opens a session on a live stream; {@code userIdOrNull} is null for anonymous viewers. */
    ViewerAdmission join(StreamId streamId, String userIdOrNull);

    /**
     * {@link #join} without holding the caller's thread: the stage completes once the session is
     * committed. A WebSocket join storm must not park the container's threads on the database.
     */
    CompletionStage<ViewerAdmission> joinAsync(StreamId streamId, String userIdOrNull);

    /** Closes the session; idempotent. */
    void leave(StreamId streamId, String viewerId);

    /** {@link #leave} without waiting for the commit (a socket that is gone has nobody to answer). */
    CompletionStage<Void> leaveAsync(StreamId streamId, String viewerId);

    /** Takes over an open session created by REST join (e.g. by a WebSocket); fresh ICE credentials. */
    ViewerAdmission adopt(StreamId streamId, String viewerId);

    /** Closes every open session of every stream (at start-up no connection survives). */
    int closeAllOpenSessions();
}
