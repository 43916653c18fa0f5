package io.relaycast.interfaces.signaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.relaycast.application.routing.CloseCause;
import io.relaycast.application.signaling.protocol.SignalEvent;
import jakarta.websocket.CloseReason;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.Session;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The outbound queue of one socket: order, one writer at a time, shedding, overflow, stalls. */
class WebSocketPeerTest {

    /** A socket that records what is written to it (plain fake of the container's session). */
    static final class FakeSocket {
        final List<String> written = new ArrayList<>();
        CloseReason closed;
        CountDownLatch blockWrites;
        final CountDownLatch writing = new CountDownLatch(1);

        Session session() {
            RemoteEndpoint.Basic basic = (RemoteEndpoint.Basic) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {RemoteEndpoint.Basic.class}, (p, m, args) -> {
                        if (m.getName().equals("sendText")) {
                            writing.countDown();
                            if (blockWrites != null) {
                                blockWrites.await(10, TimeUnit.SECONDS);
                            }
                            if (closed != null) {
                                throw new IOException("closed");
                            }
                            synchronized (written) {
                                written.add((String) args[0]);
                            }
                        }
                        return null;
                    });
            return (Session) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Session.class},
                    (p, m, args) -> switch (m.getName()) {
                        case "getBasicRemote" -> basic;
                        case "isOpen" -> closed == null;
                        case "getId" -> "s1";
                        case "close" -> {
                            closed = args == null ? new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "") : (CloseReason) args[0];
                            yield null;
                        }
                        default -> throw new UnsupportedOperationException(m.getName());
                    });
        }
    }

    /** Writers that only remember which peers were handed to them. */
    static final class RecordingWriters extends SocketWriters {
        final List<WebSocketPeer> scheduled = new ArrayList<>();

        @Override
        void schedule(WebSocketPeer peer) {
            scheduled.add(peer);
        }
    }

    final FakeSocket socket = new FakeSocket();
    final RecordingWriters writers = new RecordingWriters();
    final SignalEncoder encoder = new SignalEncoder();

    WebSocketPeer peer(int maxQueued) {
        return new WebSocketPeer(socket.session(), encoder, maxQueued, writers);
    }

    static SignalEvent error(int n) {
        return new SignalEvent.Error("e" + n, "message " + n);
    }

    @Test
    void queuedEventsAreWrittenInOrderByOneWriter() {
        WebSocketPeer peer = peer(100);
        for (int i = 0; i < 5; i++) {
            assertTrue(peer.send(error(i)));
        }
        assertEquals(List.of(peer), writers.scheduled, "handed to a writer once, not once per event");
        assertFalse(peer.drain(), "all written in one turn");
        assertEquals(5, socket.written.size());
        for (int i = 0; i < 5; i++) {
            assertTrue(socket.written.get(i).contains("\"e" + i + "\""), socket.written.get(i));
        }
        peer.send(error(5));
        assertEquals(2, writers.scheduled.size(), "an idle peer is handed to a writer again");
    }

    @Test
    void aLongQueueIsWrittenInTurnsSoOthersAreNotStarved() {
        WebSocketPeer peer = peer(1000);
        for (int i = 0; i < 100; i++) {
            peer.send(error(i));
        }
        int turns = 1;
        while (peer.drain()) {
            turns++;
        }
        assertEquals(100, socket.written.size());
        assertTrue(turns > 1, "written in " + turns + " turns");
        assertEquals(1, writers.scheduled.size(), "the writer puts it back itself; the publisher is not asked again");
    }

    @Test
    void aFullQueueDisconnectsWith1008AndDropsTheRest() {
        WebSocketPeer peer = peer(4);
        for (int i = 0; i < 4; i++) {
            assertTrue(peer.send(error(i)));
        }
        assertFalse(peer.send(error(4)));
        assertEquals(1008, socket.closed.getCloseCode().getCode());
        assertFalse(peer.drain());
        assertEquals(List.of(), socket.written, "nothing written after the overflow");
        assertFalse(peer.send(error(5)));
    }

    @Test
    void sheddableEventsAreDroppedPastHalfTheQueue() {
        WebSocketPeer peer = peer(4);
        peer.send(error(0));
        peer.send(error(1));
        assertFalse(peer.send(new SignalEvent.Encoded("{\"type\":\"chat:message\"}", true)), "shed");
        assertTrue(peer.send(error(2)), "not sheddable: still queued");
        peer.drain();
        assertEquals(3, socket.written.size());
        assertTrue(socket.closed == null);
    }

    @Test
    void aCloseGoesOutAfterWhatIsAlreadyQueued() {
        WebSocketPeer peer = peer(100);
        peer.send(error(0));
        peer.close(CloseCause.STREAM_ENDED);
        peer.send(error(1));
        peer.drain();
        assertEquals(1, socket.written.size());
        assertEquals(1000, socket.closed.getCloseCode().getCode());
    }

    @Test
    void aBlockedWriteIsSeenAsAStallAndAbortingItClosesThePeer() throws Exception {
        WebSocketPeer peer = peer(100);
        socket.blockWrites = new CountDownLatch(1);
        peer.send(error(0));
        peer.send(error(1));
        Thread writer = new Thread(peer::drain);
        writer.start();
        assertTrue(socket.writing.await(5, TimeUnit.SECONDS));
        Thread.sleep(50);
        assertTrue(peer.stalledFor(System.nanoTime()) >= TimeUnit.MILLISECONDS.toNanos(50),
                "stalled for " + peer.stalledFor(System.nanoTime()));

        peer.abort();
        socket.blockWrites.countDown();
        writer.join(5000);
        assertEquals(1008, socket.closed.getCloseCode().getCode());
        assertEquals(0, peer.stalledFor(System.nanoTime()), "no write in progress any more");
        assertFalse(peer.send(error(2)), "an aborted peer takes nothing more");
        assertEquals(List.of(), socket.written, "the blocked write failed and the queued one was dropped");
    }
}
