package io.relaycast.infrastructure.cluster;

import io.relaycast.application.routing.GraceExpired;
import io.relaycast.application.routing.GraceTimers;
import io.relaycast.domain.model.stream.StreamId;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Grace timers as deadlines in a Redis sorted set: every node polls for due ones, and the node whose
 * ZREM wins runs the expiry — once, wherever the timer was started, and even if that node is gone.
 * Deadlines are wall-clock milliseconds: the nodes' clocks must agree (NTP) to well under a second.
 */
@ApplicationScoped
@Typed(RedisGraceTimers.class)
public class RedisGraceTimers implements GraceTimers {

    private static final Logger LOG = Logger.getLogger(RedisGraceTimers.class.getName());
    static final String DEADLINES = "rc:grace";
    private static final long POLL_MILLIS = 500;

    @Inject
    Redis redis;

    @Inject
    Event<GraceExpired> expiries;

    @Resource
    ManagedScheduledExecutorService scheduler;

    /** Expiry actions of the timers started here (another node's winner fires {@link GraceExpired}). */
    private final Map<StreamId, Runnable> started = new ConcurrentHashMap<>();
    private volatile ScheduledFuture<?> poller;

    /** Polls from now on (called at start-up, so that a node with no room of its own still takes its turn). */
    public synchronized void startPolling() {
        if (poller == null) {
            poller = scheduler.scheduleWithFixedDelay(this::poll, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void start(StreamId streamId, Duration grace, Runnable onExpiry) {
        started.put(streamId, onExpiry);
        redis.client().zadd(DEADLINES, System.currentTimeMillis() + grace.toMillis(), streamId.value());
    }

    @Override
    public boolean cancel(StreamId streamId) {
        started.remove(streamId);
        return redis.client().zrem(DEADLINES, streamId.value()) > 0;
    }

    @Override
    public void expired(StreamId streamId) {
        started.remove(streamId);
    }

    void poll() {
        try {
            for (String id : redis.client().zrangeByScore(DEADLINES, 0, System.currentTimeMillis())) {
                if (redis.client().zrem(DEADLINES, id) == 1) {
                    StreamId streamId = StreamId.of(id);
                    Runnable local = started.remove(streamId);
                    if (local != null) {
                        local.run();
                    } else {
                        expiries.fire(new GraceExpired(streamId));
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Grace timers not polled", e);
        }
    }

    @PreDestroy
    void stop() {
        if (poller != null) {
            poller.cancel(false);
        }
    }
}
