package io.relaycast.application.signaling;

/** The transport to one connected client (a WebSocket today). Sends never block the caller. */
public interface Peer {

    /** Queues a text message; dropped silently once the peer is closed. */
    void send(String text);

    /** Closes after the messages already queued have been sent. */
    void close(int code, String reason);
}
