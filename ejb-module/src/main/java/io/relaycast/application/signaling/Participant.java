package io.relaycast.application.signaling;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * A joined member of a room. The peer id is assigned by the server and is the only identity
 * other members ever see; {@code userId} is null for anonymous viewers.
 */
public final class Participant {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String peerId;
    private final String streamId;
    private final PeerRole role;
    private final String userId;
    private final Peer transport;
    private volatile String viewerId;
    private volatile boolean detached;

    public Participant(String streamId, PeerRole role, String userId, String viewerId, Peer transport) {
        this.peerId = newPeerId();
        this.streamId = streamId;
        this.role = role;
        this.userId = userId;
        this.viewerId = viewerId;
        this.transport = transport;
    }

    static String newPeerId() {
        byte[] b = new byte[12];
        RANDOM.nextBytes(b);
        return "p_" + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    public String peerId() {
        return peerId;
    }

    public String streamId() {
        return streamId;
    }

    public PeerRole role() {
        return role;
    }

    public boolean isBroadcaster() {
        return role == PeerRole.BROADCASTER;
    }

    public String userId() {
        return userId;
    }

    /** The livestream_viewers row; null for broadcasters and for viewers waiting for the start. */
    public String viewerId() {
        return viewerId;
    }

    void viewerId(String id) {
        this.viewerId = id;
    }

    public Peer transport() {
        return transport;
    }

    public void send(String text) {
        transport.send(text);
    }

    /**
     * Set when the server removed this participant itself (a newer broadcaster session took over,
     * or the stream ended): its disconnect must not look like a drop.
     */
    public boolean isDetached() {
        return detached;
    }

    void markDetached() {
        detached = true;
    }
}
