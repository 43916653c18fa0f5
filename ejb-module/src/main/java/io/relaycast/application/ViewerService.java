package io.relaycast.application;

/** Opening and closing viewing sessions. */
public interface ViewerService {

    /** Opens a session on a live stream; {@code userIdOrNull} is null for anonymous viewers. */
    ViewerAdmission join(String streamId, String userIdOrNull);

    /** Closes the session; idempotent. */
    void leave(String streamId, String viewerId);

    /** Takes over an open session created by REST join (e.g. by a WebSocket); fresh ICE credentials. */
    ViewerAdmission adopt(String streamId, String viewerId);

    /** Closes every open session of every stream (at start-up no connection survives). */
    int closeAllOpenSessions();
}
