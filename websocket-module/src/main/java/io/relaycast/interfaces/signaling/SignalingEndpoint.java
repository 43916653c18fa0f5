package io.relaycast.interfaces.signaling;

import io.relaycast.application.routing.Participant;
import io.relaycast.application.limits.RateLimiter;
import io.relaycast.application.signaling.protocol.SignalCommand;
import io.relaycast.application.signaling.protocol.PeerRole;
import io.relaycast.application.signaling.protocol.SignalEvent;
import io.relaycast.application.signaling.protocol.SignalingException;
import io.relaycast.application.signaling.SignalingMetrics;
import io.relaycast.application.signaling.SignalingService;
import io.relaycast.application.signaling.SignalingSettings;
import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.domain.model.shared.UserId;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.nio.ByteBuffer;
import java.security.Principal;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * ws://host:9080/ws/livestream/{streamId} ({@link SignalingEndpoints}). Polices frames (rate), decodes
 * them into typed commands ({@link SignalDecoder}) and hands each to {@link SignalingService}. Bad
 * input is answered with an {@code error} message; the connection stays open unless the client
 * floods. A programmatic endpoint: its handlers are called directly, where an annotated one is
 * called by reflection and costs the container a set of method data per session.
 */
@ApplicationScoped // one instance shared by every connection (its state is in each session)
public class SignalingEndpoint extends Endpoint {

    static final String PATH = "/livestream/{streamId}";

    private static final Logger LOG = Logger.getLogger(SignalingEndpoint.class.getName());
    private static final String CONNECTION = Connection.class.getName();
    /** Frames above this are refused by the container itself (close 1009). */
    static final int HARD_LIMIT_BYTES = 1024 * 1024;
    /** Commands kept while a join completes; past that, "not-joined" as before a join. */
    private static final int MAX_AFTER_JOIN = 32;

    @Inject
    SignalingService signaling;

    @Inject
    SignalingSettings settings;

    @Inject
    SignalingMetrics metrics;

    @Inject
    SignalEncoder encoder;

    @Inject
    SocketWriters writers;

    @Inject
    JoinDeadlines deadlines;

    @Inject
    SocketsPerAddress sockets;

    private SignalDecoder decoder;

    @PostConstruct
    void init() {
        decoder = new SignalDecoder(settings.maxMessageBytes());
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        String streamId = session.getPathParameters().get("streamId");
        session.setMaxIdleTimeout(settings.idleTimeoutSeconds() * 1000L);
        session.setMaxTextMessageBufferSize(HARD_LIMIT_BYTES);
        // Binary frames are closed with 1003 at their first fragment; the container hands a
        // programmatic handler nothing above this limit (it closes with 1009), so it is the text's.
        session.setMaxBinaryMessageBufferSize(HARD_LIMIT_BYTES);
        Principal user = session.getUserPrincipal();
        Connection c = new Connection(StreamId.of(streamId), user == null ? null : new UserId(user.getName()),
                new WebSocketPeer(session, encoder, settings.maxQueuedMessages(), writers),
                new RateLimiter(settings.maxMessagesPerSecond(), System.nanoTime()));
        session.getUserProperties().put(CONNECTION, c);
        session.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> text(c, text));
        session.addMessageHandler(ByteBuffer.class, (MessageHandler.Partial<ByteBuffer>) (fragment, last) -> binary(c));
        metrics.sessionOpened();
        sockets.opened(c.peer.clientAddress());
        deadlines.watch(c);
    }

    private void text(Connection c, String text) {
        switch (c.limiter.acquire(System.nanoTime())) {
            case FLOOD -> {
                metrics.rejected();
                c.peer.close(1008, "Message flood");
                return;
            }
            case REJECT -> {
                reject(c, "rate-limited", "More than " + settings.maxMessagesPerSecond()
                        + " messages per second; this one was dropped.");
                return;
            }
            case ALLOW -> {
                // carry on
            }
        }
        SignalCommand command;
        try {
            command = decoder.decode(text);
        } catch (SignalingException e) {
            reject(c, e.code(), e.getMessage());
            return;
        }
        process(c, command);
    }

    /** One command, its broken rules answered with an {@code error} (never a closed socket). */
    private void process(Connection c, SignalCommand command) {
        answered(c, command, () -> dispatch(c, command));
    }

    /**
     * Runs one command's work. A broken rule is answered with an {@code error}, which names the
     * command where a page shows the reason beside it (a refused chat line); anything else is an
     * incident.
     */
    private void answered(Connection c, SignalCommand command, Runnable work) {
        try {
            work.run();
        } catch (SignalingException e) {
            metrics.rejected();
            c.peer.send(new SignalEvent.Error(e.code(), e.getMessage(), WireNames.answeredInPlace(command),
                    e.retryAfterSeconds()));
        } catch (RuntimeException e) {
            String incident = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "Signaling error, incident " + incident, e);
            metrics.rejected();
            c.peer.send(new SignalEvent.Error("internal", "Internal error; incident id " + incident + "."));
        }
    }

    private void dispatch(Connection c, SignalCommand command) {
        Participant p;
        boolean joining;
        synchronized (c) {
            p = c.participant;
            joining = c.joining;
            if (p == null && !joining && command instanceof SignalCommand.Join) {
                c.joining = true;
            }
            // stream:joined may be out before the join completes here: what the client sends at
            // once after it waits for the outcome, in order
            if (joining && !(command instanceof SignalCommand.Join) && c.afterJoin.size() < MAX_AFTER_JOIN) {
                c.afterJoin.add(command);
                return;
            }
        }
        if (p != null) {
            signaling.handle(p, command);
        } else if (command instanceof SignalCommand.Join join) {
            if (joining) {
                throw new SignalingException("already-joined", "This session is already joining.");
            }
            join(c, join);
        } else {
            signaling.beforeJoin(c.peer, command);
        }
    }

    private void join(Connection c, SignalCommand.Join join) {
        String watch = c.peer.watchDecision(c.streamId.value());
        if (join.role() == PeerRole.VIEWER && !"allowed".equals(watch) && !"unknown".equals(watch)) {
            synchronized (c) {
                c.joining = false;
            }
            // the broadcaster proves itself with the stream key; a viewer needs the right to watch
            boolean signIn = "sign-in".equals(watch);
            reject(c, signIn ? "unauthenticated" : "forbidden", signIn ? "Sign in to watch this stream."
                    : "This stream is restricted; you are not on its list (an invite link lets you in).");
            c.peer.close(signIn ? 4401 : 4403, signIn ? "Sign in to watch" : "Not allowed to watch");
            return;
        }
        try {
            signaling.join(c.peer, c.streamId, join, c.principal).whenComplete((p, failure) -> joined(c, p, failure));
        } catch (RuntimeException e) {
            synchronized (c) {
                c.joining = false;
            }
            throw e;
        }
    }

    /** The join's outcome, possibly on another thread and after the socket closed. */
    private void joined(Connection c, Participant p, Throwable failure) {
        boolean gone;
        synchronized (c) {
            gone = c.closed;
        }
        if (failure != null) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (cause instanceof SignalingException e) {
                reject(c, e.code(), e.getMessage());
            } else {
                String incident = UUID.randomUUID().toString();
                LOG.log(Level.SEVERE, "Join failed, incident " + incident, cause);
                metrics.rejected();
                c.peer.send(new SignalEvent.Error("internal", "Internal error; incident id " + incident + "."));
            }
        } else if (gone) {
            leave(p); // closed while its row was being written: nobody stays in the room
        }
        Participant joinedAs = failure == null && !gone ? p : null;
        // Commands that came meanwhile go first, in order; only then does the socket's own thread
        // take new ones straight to the participant.
        while (true) {
            List<SignalCommand> waiting;
            synchronized (c) {
                if (c.afterJoin.isEmpty()) {
                    c.participant = joinedAs;
                    c.joining = false;
                    return;
                }
                waiting = List.copyOf(c.afterJoin);
                c.afterJoin.clear();
            }
            for (SignalCommand command : waiting) {
                answered(c, command, () -> {
                    if (joinedAs != null) {
                        signaling.handle(joinedAs, command);
                    } else {
                        signaling.beforeJoin(c.peer, command); // the join failed: "not-joined" (or a pong)
                    }
                });
            }
        }
    }

    /** Binary frames are not part of the protocol: closed (1003) at the first fragment. */
    private void binary(Connection c) {
        metrics.rejected();
        c.peer.close(1003, "Binary frames are not part of the protocol");
    }

    @Override
    public void onClose(Session session, CloseReason reason) {
        Connection c = (Connection) session.getUserProperties().remove(CONNECTION);
        if (c == null) {
            return;
        }
        metrics.sessionClosed();
        sockets.closed(c.peer.clientAddress());
        Participant p;
        synchronized (c) {
            c.closed = true;
            p = c.participant;
        }
        if (p != null) {
            leave(p);
        }
    }

    private void leave(Participant p) {
        try {
            signaling.disconnected(p);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Cleanup after disconnect failed", e);
        }
    }

    @Override
    public void onError(Session session, Throwable t) {
        // A dropped TCP connection or an over-size frame; onClose does the cleanup.
        LOG.fine(() -> "WebSocket " + session.getId() + ": " + t);
    }

    private void reject(Connection c, String code, String message) {
        metrics.rejected();
        c.peer.send(new SignalEvent.Error(code, message));
    }
}
