package io.relaycast.interfaces.signaling;

import io.relaycast.application.signaling.SignalingSettings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * A few threads that write queued events to their sockets with the container's blocking send.
 * Liberty's asynchronous send hands every frame to its work queue, a selector and back to a
 * completion thread (about twice the CPU per delivery, measured); a blocking write into a socket
 * with room in its kernel buffer returns at once. These threads are the only ones that block on a
 * socket, so neither a publisher nor a room's lock ever waits for a client. A write that makes no
 * progress for the stall limit (the client stopped reading and the kernel's buffers are full) gets
 * its client closed and its writer replaced. The container offers no way to abandon a blocking
 * write, and its waiting writer is not woken when the socket closes under it: an interrupt makes it
 * try again, which fails on the closed socket and frees the thread, so abandoned writers are
 * interrupted every second until they are gone. At most {@link #MAX_ABANDONED} writers are
 * replaced at a time; past that, stalled clients keep theirs.
 */
@ApplicationScoped
public class SocketWriters {

    private static final Logger LOG = Logger.getLogger(SocketWriters.class.getName());
    static final int MAX_ABANDONED = 64;

    @Resource
    ManagedThreadFactory threads;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    SignalingSettings settings;

    private final LinkedBlockingQueue<WebSocketPeer> ready = new LinkedBlockingQueue<>();
    private final List<Writer> writers = new CopyOnWriteArrayList<>();
    private final List<Writer> abandoned = new CopyOnWriteArrayList<>();
    private final AtomicInteger started = new AtomicInteger();
    private ScheduledFuture<?> watchdog;

    @PostConstruct
    void start() {
        for (int i = 0; i < settings.writerThreads(); i++) {
            startWriter();
        }
        watchdog = scheduler.scheduleWithFixedDelay(this::abortStalled, 1, 1, TimeUnit.SECONDS);
    }

    private void startWriter() {
        Writer w = new Writer();
        Thread t = threads.newThread(w);
        t.setName("relaycast-socket-writer-" + started.getAndIncrement());
        t.setDaemon(true);
        w.thread = t;
        writers.add(w);
        t.start();
    }

    @PreDestroy
    void stop() {
        watchdog.cancel(false);
        for (Writer w : writers) {
            w.stopped = true;
            w.thread.interrupt();
        }
    }

    /** The peer has events queued and no writer on it: it is written by the next free writer. */
    void schedule(WebSocketPeer peer) {
        ready.add(peer);
    }

    private void abortStalled() {
        long limit = TimeUnit.SECONDS.toNanos(settings.sendStallSeconds());
        long now = System.nanoTime();
        for (Writer w : abandoned) {
            w.thread.interrupt();
        }
        for (Writer w : writers) {
            WebSocketPeer peer = w.current;
            if (peer != null && peer.stalledFor(now) > limit && abandoned.size() < MAX_ABANDONED) {
                LOG.info(() -> "Closing a WebSocket client that stopped reading: " + peer);
                w.stopped = true;
                abandoned.add(w);
                writers.remove(w);
                startWriter();
                peer.abort();
            }
        }
    }

    private final class Writer implements Runnable {
        volatile WebSocketPeer current;
        volatile boolean stopped;
        Thread thread;

        @Override
        public void run() {
            try {
                while (!stopped) {
                    write(ready.take());
                }
            } catch (InterruptedException e) {
                // stopped: at shutdown, or given up while it waited for work
            } finally {
                abandoned.remove(this);
                LOG.fine(() -> thread.getName() + " stopped");
            }
        }

        private void write(WebSocketPeer peer) {
            current = peer;
            try {
                if (peer.drain()) {
                    // More was queued than one turn writes: to the back, so others get their turn.
                    ready.add(peer);
                }
            } catch (RuntimeException e) {
                LOG.warning(() -> "Socket writer: " + e);
            } finally {
                current = null;
            }
        }
    }
}
