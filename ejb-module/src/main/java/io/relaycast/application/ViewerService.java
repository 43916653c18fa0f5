package io.relaycast.application;

/** Opening and closing viewing sessions. */
public interface ViewerService {

    /** Opens a session on a live stream; {@code userIdOrNull} is null for anonymous viewers. */
    ViewerAdmission join(String streamId, String userIdOrNull);

    /** Closes the session; idempotent. */
    void leave(String streamId, String viewerId);
}
