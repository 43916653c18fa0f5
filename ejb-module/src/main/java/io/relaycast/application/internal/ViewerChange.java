package io.relaycast.application.internal;

/** One change to viewing sessions, queued for {@link ViewerSessionWriter}. */
public sealed interface ViewerChange {

    String streamId();

    /** Open a session; answered with the new viewer id. */
    record Join(String streamId, String userIdOrNull) implements ViewerChange {
    }

    /** Close a session (idempotent); answered with whether it was open. */
    record Leave(String streamId, String viewerId) implements ViewerChange {
    }
}
