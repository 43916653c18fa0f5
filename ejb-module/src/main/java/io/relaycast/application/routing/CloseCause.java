package io.relaycast.application.routing;

/** Why the server ends a session itself; the transport maps it to its own close code. */
public enum CloseCause {
    /** A newer broadcaster session of the same stream took over. */
    REPLACED,
    /** The stream ended; everyone was told with {@code stream_stopped}. */
    STREAM_ENDED,
    /** The other nodes of a cluster gave this one up (it missed its heartbeats): reconnect, to any node. */
    NODE_RESET,
    /** Who may watch changed (rules, a revoked invite): a viewer connects again and is checked anew. */
    ACCESS_CHANGED
}
