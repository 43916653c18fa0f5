package io.relaycast.application.internal;

import io.relaycast.application.RoomStats;

/** One change to viewing sessions, queued for {@link ViewerSessionWriter}. */
public sealed interface ViewerChange {

    String streamId();

    /** Open a session; answered with {@link Opened}. */
    record Join(String streamId, String userIdOrNull) implements ViewerChange {
    }

    /** The new session, and the room's figures right after it was counted (same transaction). */
    record Opened(String viewerId, RoomStats room) {
    }

    /** Close a session (idempotent); answered with whether it was open. */
    record Leave(String streamId, String viewerId) implements ViewerChange {
    }
}
