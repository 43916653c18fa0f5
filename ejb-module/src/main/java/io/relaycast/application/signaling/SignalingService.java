package io.relaycast.application.signaling;

import io.relaycast.application.IceServerProvider;
import io.relaycast.application.LivestreamService;
import io.relaycast.application.StreamSnapshot;
import io.relaycast.application.ViewerAdmission;
import io.relaycast.application.ChatService;
import io.relaycast.application.ViewerService;
import io.relaycast.domain.model.DomainException;
import io.relaycast.domain.model.Livestream;
import io.relaycast.domain.model.StreamKey;
import io.relaycast.domain.model.StreamStatus;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The signaling rules: who may join a room as what, who may address whom, what a disconnect
 * means. Transport-neutral: the WebSocket endpoint parses frames and calls in here.
 */
@ApplicationScoped
public class SignalingService {

    private static final Logger LOG = Logger.getLogger(SignalingService.class.getName());

    static final String OFFER = "stream:offer";
    static final String ANSWER = "stream:answer";
    static final String CANDIDATE = "stream:ice-candidate";

    @Inject
    LivestreamService streams;

    @Inject
    ViewerService viewers;

    @Inject
    ChatService chat;

    @Inject
    IceServerProvider iceServers;

    @Inject
    RoomRouter router;

    @Inject
    SignalingSettings settings;

    @Inject
    SignalingMetrics metrics;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final Map<String, Object> roomLocks = new ConcurrentHashMap<>();
    private final Map<String, ScheduledFuture<?>> graceTimers = new ConcurrentHashMap<>();

    private Object lock(String streamId) {
        return roomLocks.computeIfAbsent(streamId, k -> new Object());
    }

    /** Handles {@code stream:join}; returns the new participant (its {@code stream:joined} is already sent). */
    public Participant join(Peer transport, String streamId, JsonObject msg, String principal) {
        String role = requiredString(msg, "role");
        try {
            return switch (role) {
                case "broadcaster" -> joinAsBroadcaster(transport, streamId, optionalString(msg, "streamKey"), principal);
                case "viewer" -> joinAsViewer(transport, streamId, optionalString(msg, "viewerId"), principal);
                default -> throw new SignalingException("bad-message", "role must be 'broadcaster' or 'viewer'.");
            };
        } catch (DomainException e) {
            throw translate(e);
        }
    }

    private Participant joinAsBroadcaster(Peer transport, String streamId, String streamKey, String principal) {
        Livestream stream = streams.find(streamId).stream();
        requireNotEnded(stream);
        boolean provenOwner = stream.isOwnedBy(principal) || StreamKey.matches(stream.getStreamKey(), streamKey);
        if (!provenOwner) {
            throw new SignalingException("forbidden",
                    "Broadcasting needs this stream's key (or signing in as its owner).");
        }
        synchronized (lock(streamId)) {
            Participant previous = broadcaster(streamId);
            ScheduledFuture<?> grace = graceTimers.remove(streamId);
            if (grace != null) {
                grace.cancel(false);
            }
            Participant p = new Participant(streamId, PeerRole.BROADCASTER, stream.getUserId(), null, transport);
            if (previous != null) {
                previous.markDetached();
                router.remove(previous);
                previous.send(SignalMessages.error("replaced",
                        "Another broadcaster session for this stream took over; this one is closed."));
                previous.transport().close(4001, "Replaced by a newer broadcaster session");
            }
            router.add(p);
            List<Participant> audience = router.members(streamId).stream()
                    .filter(m -> !m.isBroadcaster() && m.viewerId() != null).toList();
            p.send(SignalMessages.joined(p, stream.getStatus().wireName(), iceServers.iceServersFor(p.userId()),
                    null, audience, stats(streamId)));
            if (previous != null || grace != null) {
                // Viewers drop their old peer connection and wait for the new session's offer.
                router.publish(streamId, SignalMessages.broadcasterRejoined(p.peerId()), m -> !m.isBroadcaster());
            }
            return p;
        }
    }

    private Participant joinAsViewer(Peer transport, String streamId, String viewerId, String principal) {
        Livestream stream = streams.find(streamId).stream();
        requireNotEnded(stream);
        synchronized (lock(streamId)) {
            ViewerAdmission admission = null;
            if (viewerId != null) {
                boolean connected = router.members(streamId).stream().anyMatch(m -> viewerId.equals(m.viewerId()));
                if (connected) {
                    throw new SignalingException("already-joined", "That viewer session is already connected.");
                }
                admission = viewers.adopt(streamId, viewerId);
            } else if (stream.getStatus() == StreamStatus.LIVE) {
                admission = viewers.join(streamId, principal);
            }
            Participant p = new Participant(streamId, PeerRole.VIEWER, principal,
                    admission == null ? null : admission.viewerId(), transport);
            Participant b = broadcaster(streamId);
            router.add(p);
            p.send(SignalMessages.joined(p, stream.getStatus().wireName(),
                    admission != null ? admission.iceServers() : iceServers.iceServersFor(p.peerId()),
                    b == null ? null : b.peerId(), List.of(), stats(streamId)));
            if (b != null && p.viewerId() != null) {
                b.send(SignalMessages.viewerJoined(p));
            }
            return p;
        }
    }

    /** Every message after a successful join. */
    public void handle(Participant from, String type, JsonObject msg) {
        try {
            switch (type) {
                case OFFER, ANSWER, CANDIDATE -> relay(from, type, msg);
                case "chat:send" -> {
                    String author = requireSignedIn(from, "chat");
                    chat.post(from.streamId(), author, author, requiredString(msg, "message"));
                }
                case "like" -> streams.like(from.streamId(), requireSignedIn(from, "like"));
                case "stream:end" -> {
                    if (!from.isBroadcaster()) {
                        throw new SignalingException("forbidden", "Only the broadcaster can end the stream.");
                    }
                    streams.end(from.streamId(), from.userId(), null);
                }
                case "ping" -> from.send(SignalMessages.pong());
                case "stream:join" -> throw new SignalingException("already-joined", "This session has already joined.");
                default -> throw new SignalingException("unknown-type", "Unknown message type '" + type + "'.");
            }
        } catch (DomainException e) {
            throw translate(e);
        }
    }

    private void relay(Participant from, String type, JsonObject msg) {
        String field = type.equals(CANDIDATE) ? "candidate" : "sdp";
        JsonValue payload = msg.get(field);
        if (payload == null || (payload == JsonValue.NULL && !type.equals(CANDIDATE))) {
            throw new SignalingException("bad-message", type + " needs '" + field + "'.");
        }
        String to = optionalString(msg, "to");
        Participant target;
        if (from.isBroadcaster()) {
            if (type.equals(ANSWER)) {
                throw new SignalingException("forbidden", "The broadcaster sends offers, not answers.");
            }
            if (to == null) {
                throw new SignalingException("bad-message", type + " from the broadcaster needs 'to' (a viewer's peerId).");
            }
            target = router.find(from.streamId(), to).filter(m -> !m.isBroadcaster())
                    .orElseThrow(() -> new SignalingException("unknown-peer", "No viewer '" + to + "' in this room."));
        } else {
            if (type.equals(OFFER)) {
                throw new SignalingException("forbidden", "Only the broadcaster sends offers.");
            }
            Participant b = broadcaster(from.streamId());
            if (to != null && (b == null || !to.equals(b.peerId()))) {
                boolean inRoom = router.find(from.streamId(), to).isPresent();
                throw new SignalingException(inRoom ? "forbidden" : "unknown-peer",
                        inRoom ? "A viewer may only address the broadcaster." : "No peer '" + to + "' in this room.");
            }
            if (b == null) {
                throw new SignalingException("no-broadcaster", "The broadcaster is not connected.");
            }
            target = b;
        }
        target.send(SignalMessages.relay(type, from.peerId(), field, payload));
        metrics.relayed();
    }

    /** A session is gone (closed, dropped, timed out). */
    public void disconnected(Participant p) {
        String streamId = p.streamId();
        synchronized (lock(streamId)) {
            router.remove(p);
            if (p.isDetached()) {
                return;
            }
            if (p.isBroadcaster()) {
                if (broadcaster(streamId) == null) {
                    broadcasterGone(streamId);
                }
                return;
            }
            if (p.viewerId() != null) {
                try {
                    viewers.leave(streamId, p.viewerId());
                } catch (DomainException e) {
                    LOG.fine(() -> "Leave of " + p.viewerId() + " failed: " + e.getMessage());
                }
                Participant b = broadcaster(streamId);
                if (b != null) {
                    b.send(SignalMessages.viewerLeft(p));
                }
            }
        }
    }

    private void broadcasterGone(String streamId) {
        int grace = settings.broadcasterGraceSeconds();
        router.publish(streamId, SignalMessages.broadcasterLeft(grace), m -> !m.isBroadcaster());
        startGrace(streamId);
    }

    /** The stream ends unless a broadcaster session joins within the grace period. */
    public void startGrace(String streamId) {
        int grace = settings.broadcasterGraceSeconds();
        graceTimers.compute(streamId, (id, old) -> {
            if (old != null) {
                old.cancel(false);
            }
            return scheduler.schedule(() -> graceExpired(streamId), grace, TimeUnit.SECONDS);
        });
    }

    private void graceExpired(String streamId) {
        synchronized (lock(streamId)) {
            graceTimers.remove(streamId);
            if (broadcaster(streamId) != null) {
                return;
            }
        }
        try {
            if (streams.endAbandoned(streamId)) {
                LOG.info(() -> "Ended stream " + streamId + ": broadcaster did not return within the grace period");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not end abandoned stream " + streamId, e);
        }
    }

    /** After a stream went live: viewers who were waiting get their viewing session now. */
    public void admitWaitingViewers(String streamId) {
        synchronized (lock(streamId)) {
            Participant b = broadcaster(streamId);
            for (Participant p : router.members(streamId)) {
                if (p.isBroadcaster() || p.viewerId() != null) {
                    continue;
                }
                try {
                    p.viewerId(viewers.join(streamId, p.userId()).viewerId());
                    if (b != null) {
                        b.send(SignalMessages.viewerJoined(p));
                    }
                } catch (DomainException e) {
                    LOG.fine(() -> "Could not admit waiting viewer: " + e.getMessage());
                }
            }
        }
    }

    /** After a stream ended: everyone is told, then every session of the room is closed. */
    public void closeRoom(String streamId, String stoppedMessage) {
        synchronized (lock(streamId)) {
            ScheduledFuture<?> grace = graceTimers.remove(streamId);
            if (grace != null) {
                grace.cancel(false);
            }
            for (Participant p : router.members(streamId)) {
                p.markDetached();
                router.remove(p);
                p.send(stoppedMessage);
                p.transport().close(1000, "Stream ended");
            }
        }
        roomLocks.remove(streamId);
    }

    public SignalMessages.Stats stats(String streamId) {
        StreamSnapshot s = streams.find(streamId);
        return new SignalMessages.Stats(s.currentViewers(), s.stream().getViewerCountPeak(), s.stream().getLikeCount());
    }

    private Participant broadcaster(String streamId) {
        return router.members(streamId).stream().filter(Participant::isBroadcaster).findFirst().orElse(null);
    }

    private static void requireNotEnded(Livestream stream) {
        if (stream.getStatus() == StreamStatus.ENDED) {
            throw new SignalingException("stream-ended", "This stream has ended.");
        }
    }

    private static String requireSignedIn(Participant p, String action) {
        if (p.userId() == null) {
            throw new SignalingException("unauthenticated", "Sign in to " + action + ".");
        }
        return p.userId();
    }

    private static SignalingException translate(DomainException e) {
        return new SignalingException(e.code(), e.getMessage());
    }

    static String requiredString(JsonObject msg, String name) {
        String value = optionalString(msg, name);
        if (value == null) {
            throw new SignalingException("bad-message", "'" + name + "' (a string) is required.");
        }
        return value;
    }

    static String optionalString(JsonObject msg, String name) {
        JsonValue v = msg.get(name);
        if (v == null || v == JsonValue.NULL) {
            return null;
        }
        if (!(v instanceof JsonString s)) {
            throw new SignalingException("bad-message", "'" + name + "' must be a string.");
        }
        return s.getString();
    }

    @PreDestroy
    void stopTimers() {
        graceTimers.values().forEach(f -> f.cancel(false));
    }
}
