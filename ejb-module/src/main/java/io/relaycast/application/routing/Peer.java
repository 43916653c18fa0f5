package io.relaycast.application.routing;

import io.relaycast.application.signaling.protocol.SignalEvent;

/** The transport to one connected client (a WebSocket today). Sends never block the caller. */
public interface Peer {

    /**
     * Queues an event. Returns false when it was not queued: the peer is closed, or it is backed up
     * and the event is one the transport may shed (relayed signaling, chat, counts) rather than
     * disconnect the client for.
     */
    boolean send(SignalEvent event);

    /** Closes after the events already queued have been sent. */
    void close(CloseCause cause);

    /** The network address the client connects from, for per-address limits; null when unknown. */
    default String clientAddress() {
        return null;
    }

    /** The server-issued identity of an anonymous client that outlives its connection; null when it has none. */
    default String guestId() {
        return null;
    }
}
