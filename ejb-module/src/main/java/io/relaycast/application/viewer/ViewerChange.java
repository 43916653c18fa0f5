package io.relaycast.application.viewer;

import io.relaycast.domain.model.stream.StreamId;

/** One change to viewing sessions, queued for {@link ViewerSessionWriter}. */
public sealed interface ViewerChange {

    StreamId streamId();

    /** Open a session; answered with {@link Opened}. */
    record Join(StreamId streamId, String userIdOrNull) implements ViewerChange {
    }

    /** The new session, and the room's figures right after it was counted (same transaction). */
    record Opened(String viewerId, RoomStats room) {
    }

    /** Close a session (idempotent); answered with whether it was open. */
    record Leave(StreamId streamId, String viewerId) implements ViewerChange {
    }
}
