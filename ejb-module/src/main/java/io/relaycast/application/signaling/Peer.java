package io.relaycast.application.signaling;

/** The transport to one connected client (a WebSocket today). Sends never block the caller. */
public interface Peer {

    /** Queues an event; dropped silently once the peer is closed. */
    void send(SignalEvent event);

    /** Closes after the events already queued have been sent. */
    void close(CloseCause cause);
}
