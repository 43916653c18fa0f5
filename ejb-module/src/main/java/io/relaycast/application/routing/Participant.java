package io.relaycast.application.routing;

import io.relaycast.application.limits.RateLimiter;
import io.relaycast.application.signaling.protocol.PeerId;
import io.relaycast.application.signaling.protocol.Playback;
import io.relaycast.application.signaling.protocol.PeerRole;
import io.relaycast.application.signaling.protocol.SignalCommand;
import io.relaycast.application.signaling.protocol.SignalEvent;
import io.relaycast.domain.model.stream.DeliveryMode;
import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.domain.model.shared.UserId;
import io.relaycast.domain.model.viewer.ViewerId;

/**
 * A joined member of a room. The peer id is assigned by the server and is the only identity
 * other members ever see; {@code userId} is null for anonymous viewers.
 */
public final class Participant {

    private final PeerId peerId;
    private final StreamId streamId;
    private final PeerRole role;
    private final UserId userId;
    private final Peer transport;
    private volatile ViewerId viewerId;
    private volatile boolean detached;
    private RateLimiter relayBudget;
    private volatile RateLimiter reactionBudget;
    /** The broadcaster is an encoder (WHIP, RTMP) rather than a browser. */
    private volatile boolean encoder;
    /** The owner's studio page while an encoder feeds the stream: it follows the room without the seat or a viewer's place. */
    private volatile boolean observer;
    private volatile DeliveryMode delivery = DeliveryMode.P2P;
    private volatile SignalCommand.RelayPrefs relayPrefs = SignalCommand.RelayPrefs.NONE;
    private volatile Playback playback = Playback.WEBRTC;
    private final long joinedAtNanos = System.nanoTime();

    public Participant(StreamId streamId, PeerRole role, UserId userId, ViewerId viewerId, Peer transport) {
        this(PeerId.random(), streamId, role, userId, viewerId, transport);
    }

    private Participant(PeerId peerId, StreamId streamId, PeerRole role, UserId userId, ViewerId viewerId,
                        Peer transport) {
        this.peerId = peerId;
        this.streamId = streamId;
        this.role = role;
        this.userId = userId;
        this.viewerId = viewerId;
        this.transport = transport;
    }

    /** A member whose socket is on another server of the cluster; {@code transport} reaches it there. */
    public static Participant elsewhere(PeerId peerId, StreamId streamId, PeerRole role, UserId userId,
                                        ViewerId viewerId, DeliveryMode delivery, Peer transport) {
        Participant p = new Participant(peerId, streamId, role, userId, viewerId, transport);
        p.delivery(delivery);
        return p;
    }

    public PeerId peerId() {
        return peerId;
    }

    public StreamId streamId() {
        return streamId;
    }

    public PeerRole role() {
        return role;
    }

    public boolean isBroadcaster() {
        return role == PeerRole.BROADCASTER;
    }

    /** A viewer with a viewing session (not one waiting for a scheduled stream to start). */
    public boolean isAdmittedViewer() {
        return role == PeerRole.VIEWER && viewerId != null;
    }

    public boolean isEncoder() {
        return encoder;
    }

    public void markEncoder() {
        this.encoder = true;
    }

    public boolean isObserver() {
        return observer;
    }

    public void markObserver() {
        this.observer = true;
    }

    public UserId userId() {
        return userId;
    }

    /** The livestream_viewers row; null for broadcasters and for viewers waiting for the start. */
    public ViewerId viewerId() {
        return viewerId;
    }

    public void viewerId(ViewerId id) {
        this.viewerId = id;
    }

    /** How this member is reached (a cluster router tells its own stand-ins from local sockets). */
    public Peer transport() {
        return transport;
    }

    /** False when the transport shed the event (see {@link Peer#send}). */
    public boolean send(SignalEvent event) {
        return transport.send(event);
    }

    /** How this member's stream delivers media (set when it joins). */
    public DeliveryMode delivery() {
        return delivery;
    }

    public void delivery(DeliveryMode mode) {
        this.delivery = mode;
    }

    /** How this viewer's page receives the media: WebRTC (the delivery's) or the live HLS rendition. */
    public Playback playback() {
        return playback;
    }

    public void playback(Playback how) {
        this.playback = how;
    }

    public SignalCommand.RelayPrefs relayPrefs() {
        return relayPrefs;
    }

    public void relayPrefs(SignalCommand.RelayPrefs prefs) {
        this.relayPrefs = prefs == null ? SignalCommand.RelayPrefs.NONE : prefs;
    }

    public long watchedSeconds() {
        return (System.nanoTime() - joinedAtNanos) / 1_000_000_000L;
    }

    /** This member's budget of offers/answers/candidates per second; one session's messages come one at a time. */
    public RateLimiter relayBudget() {
        return relayBudget;
    }

    public void relayBudget(RateLimiter budget) {
        this.relayBudget = budget;
    }

    /** This member's budget of reactions per second. */
    public RateLimiter reactionBudget() {
        return reactionBudget;
    }

    public void reactionBudget(RateLimiter budget) {
        this.reactionBudget = budget;
    }

    public void close(CloseCause cause) {
        transport.close(cause);
    }

    public SignalEvent.AudienceMember asAudienceMember() {
        return new SignalEvent.AudienceMember(peerId, userId);
    }

    /**
     * Set when the server removed this participant itself (a newer broadcaster session took over,
     * or the stream ended): its disconnect must not look like a drop.
     */
    public boolean isDetached() {
        return detached;
    }

    /** Public for the cluster router: another server removed this member (takeover, end of stream). */
    public void markDetached() {
        detached = true;
    }
}
