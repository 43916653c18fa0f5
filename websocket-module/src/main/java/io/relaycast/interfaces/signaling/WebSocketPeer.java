package io.relaycast.interfaces.signaling;

import io.relaycast.application.routing.CloseCause;
import io.relaycast.application.routing.Peer;
import io.relaycast.application.signaling.protocol.SignalEvent;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.logging.Logger;

/**
 * A WebSocket session as a {@link Peer}: events are encoded as they are queued and written in
 * order by one of the {@link SocketWriters} at a time, so that the sender never waits (fan-out to a
 * thousand viewers must not wait for the slowest). Past half the queue limit, sheddable events are
 * dropped; a client that still lets the queue fill up (with events that cannot be dropped) is
 * disconnected instead of growing the heap, and one that stops reading altogether (a write that
 * does not finish within the stall limit) is aborted.
 */
final class WebSocketPeer implements Peer {

    private static final Logger LOG = Logger.getLogger(WebSocketPeer.class.getName());
    /** Events one writer writes to this peer before others get their turn. */
    private static final int TURN = 32;

    private record CloseRequest(int code, String reason) {
    }

    private final Session session;
    private final SignalEncoder encoder;
    private final int maxQueued;
    private final SocketWriters writers;
    private final Queue<Object> queue = new ArrayDeque<>();
    /** Waiting for a writer or being written: never two writers on one peer. */
    private boolean scheduled;
    private boolean closed;
    /** When the write in progress began (nanoTime), 0 when none is. */
    private volatile long writingSince;

    WebSocketPeer(Session session, SignalEncoder encoder, int maxQueued, SocketWriters writers) {
        this.session = session;
        this.encoder = encoder;
        this.maxQueued = maxQueued;
        this.writers = writers;
    }

    @Override
    public boolean send(SignalEvent event) {
        if (SignalEvent.isSheddable(event) && backedUp()) {
            return false;
        }
        return enqueue(encoder.encode(event));
    }

    private synchronized boolean backedUp() {
        return queue.size() >= maxQueued / 2;
    }

    @Override
    public void close(CloseCause cause) {
        enqueue(switch (cause) {
            case REPLACED -> new CloseRequest(4001, "Replaced by a newer broadcaster session");
            case STREAM_ENDED -> new CloseRequest(1000, "Stream ended");
            case NODE_RESET -> new CloseRequest(1012, "Server restarting its sessions; reconnect");
            case ACCESS_CHANGED -> new CloseRequest(4409, "Who may watch changed; connect again");
        });
    }

    /** Closes for a reason of the transport's own (a flood, a binary frame), after what is already queued. */
    @Override
    public String clientAddress() {
        return (String) session.getUserProperties().get(ClientAddress.PROPERTY);
    }

    @Override
    public String guestId() {
        return (String) session.getUserProperties().get(ClientAddress.GUEST_PROPERTY);
    }

    /**
     * What the handshake decided about watching this stream: "allowed", "unknown" (no such stream),
     * "sign-in" or "forbidden" — and "forbidden" when it decided nothing, or about another stream.
     */
    String watchDecision(String streamId) {
        Object d = session.getUserProperties().get(ClientAddress.WATCH_PROPERTY);
        String decision = d == null ? "" : d.toString();
        int bar = decision.indexOf('|');
        return bar > 0 && decision.substring(bar + 1).equals(streamId) ? decision.substring(0, bar) : "forbidden";
    }

    void close(int code, String reason) {
        enqueue(new CloseRequest(code, reason));
    }

    private boolean enqueue(Object item) {
        boolean overflow;
        boolean wake = false;
        synchronized (this) {
            if (closed) {
                return false;
            }
            overflow = queue.size() >= maxQueued;
            if (overflow) {
                shut();
            } else {
                queue.add(item);
                wake = !scheduled;
                scheduled = true;
            }
        }
        if (overflow) {
            // Outside this peer's lock: closing runs the container's onClose on this thread, which
            // takes the room's lock, while a holder of that lock may be sending to this peer.
            LOG.info(() -> "Disconnecting slow WebSocket client " + session.getId());
            closeNow(new CloseRequest(1008, "Too slow: outbound messages backed up"));
            return false;
        }
        if (wake) {
            writers.schedule(this);
        }
        return true;
    }

    /** On a writer's thread: writes one turn of what is queued; true if more is left for another turn. */
    boolean drain() {
        for (int i = 0; i < TURN; i++) {
            Object next;
            synchronized (this) {
                next = closed ? null : queue.poll();
                if (next == null) {
                    scheduled = false;
                    return false;
                }
                if (next instanceof CloseRequest) {
                    shut();
                    scheduled = false;
                }
            }
            if (next instanceof CloseRequest c) {
                closeNow(c);
                return false;
            }
            if (!write((String) next)) {
                return false;
            }
        }
        synchronized (this) {
            scheduled = !closed && !queue.isEmpty();
            return scheduled;
        }
    }

    private boolean write(String text) {
        writingSince = System.nanoTime();
        try {
            session.getBasicRemote().sendText(text);
            return true;
        } catch (IOException | RuntimeException e) {
            synchronized (this) {
                shut();
                scheduled = false;
            }
            return false;
        } finally {
            writingSince = 0;
        }
    }

    /** How long the write in progress has been blocked (0 when none is). */
    long stalledFor(long now) {
        long since = writingSince;
        return since == 0 ? 0 : now - since;
    }

    /** The client stopped reading: nothing more is queued for it and its socket is closed. */
    void abort() {
        synchronized (this) {
            shut();
        }
        closeNow(new CloseRequest(1008, "Too slow: not reading"));
    }

    /** Under this peer's lock: nothing more is taken or written. */
    private void shut() {
        closed = true;
        queue.clear();
    }

    private void closeNow(CloseRequest c) {
        try {
            if (session.isOpen()) {
                session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(c.code()), c.reason()));
            }
        } catch (IOException | RuntimeException e) {
            LOG.fine(() -> "Close of " + session.getId() + " failed: " + e);
        }
    }

    @Override
    public String toString() {
        return "session " + session.getId();
    }
}
