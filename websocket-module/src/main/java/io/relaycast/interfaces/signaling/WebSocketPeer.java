package io.relaycast.interfaces.signaling;

import io.relaycast.application.signaling.CloseCause;
import io.relaycast.application.signaling.Peer;
import io.relaycast.application.signaling.SignalEvent;
import jakarta.websocket.CloseReason;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.logging.Logger;

/**
 * A WebSocket session as a {@link Peer}: events are encoded as they are queued, and go out one at
 * a time, in order, without blocking the sender (fan-out to a thousand viewers must not wait for the slowest). Past half the
 * queue limit, sheddable events are dropped; a client that still lets the queue fill up (with
 * events that cannot be dropped) is disconnected instead of growing the heap.
 */
final class WebSocketPeer implements Peer {

    private static final Logger LOG = Logger.getLogger(WebSocketPeer.class.getName());

    private record CloseRequest(int code, String reason) {
    }

    private final Session session;
    private final SignalEncoder encoder;
    private final int maxQueued;
    private final Queue<Object> queue = new ArrayDeque<>();
    private boolean inFlight;
    /** The thread inside {@code sendText} for this peer: a completion on that thread is inline. */
    private Thread sending;
    private boolean closed;

    WebSocketPeer(Session session, SignalEncoder encoder, int maxQueued) {
        this.session = session;
        this.encoder = encoder;
        this.maxQueued = maxQueued;
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
        });
    }

    /** Closes for a reason of the transport's own (a flood, a binary frame), after what is already queued. */
    void close(int code, String reason) {
        enqueue(new CloseRequest(code, reason));
    }

    private boolean enqueue(Object item) {
        boolean overflow;
        synchronized (this) {
            if (closed) {
                return false;
            }
            overflow = queue.size() >= maxQueued;
            if (overflow) {
                closed = true;
                queue.clear();
            } else {
                queue.add(item);
            }
        }
        if (overflow) {
            // Outside this peer's lock: closing runs the container's onClose on this thread, which
            // takes the room's lock, while a holder of that lock may be sending to this peer.
            LOG.info(() -> "Disconnecting slow WebSocket client " + session.getId());
            closeNow(new CloseRequest(1008, "Too slow: outbound messages backed up"));
            return false;
        }
        pump();
        return true;
    }

    private void pump() {
        Thread self = Thread.currentThread();
        while (true) {
            Object next;
            synchronized (this) {
                if (inFlight || closed || queue.isEmpty()) {
                    return;
                }
                next = queue.poll();
                if (next instanceof CloseRequest) {
                    closed = true;
                    queue.clear();
                } else {
                    inFlight = true;
                    sending = self;
                }
            }
            if (next instanceof CloseRequest c) {
                closeNow(c);
                return;
            }
            try {
                session.getAsyncRemote().sendText((String) next, this::sent);
            } catch (RuntimeException e) {
                synchronized (this) {
                    closed = true;
                    queue.clear();
                }
                return;
            } finally {
                synchronized (this) {
                    if (sending == self) {
                        sending = null;
                    }
                }
            }
        }
    }

    private void sent(SendResult result) {
        boolean inline;
        synchronized (this) {
            inFlight = false;
            if (!result.isOK()) {
                closed = true;
                queue.clear();
                return;
            }
            // Completed inside sendText on the pumping thread: its loop sends the next (no recursion).
            inline = sending == Thread.currentThread();
        }
        if (!inline) {
            pump();
        }
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
}
