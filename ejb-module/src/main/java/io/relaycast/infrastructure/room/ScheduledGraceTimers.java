package io.relaycast.infrastructure.room;

import io.relaycast.application.routing.GraceTimers;
import io.relaycast.domain.model.stream.StreamId;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Grace timers as tasks on the server's managed scheduler; they do not survive a restart (start-up re-arms them). */
@ApplicationScoped
@Typed(ScheduledGraceTimers.class) // chosen by RoomMachinery
public class ScheduledGraceTimers implements GraceTimers {

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final Map<StreamId, ScheduledFuture<?>> timers = new ConcurrentHashMap<>();

    @Override
    public void start(StreamId streamId, Duration grace, Runnable onExpiry) {
        timers.compute(streamId, (id, old) -> {
            if (old != null) {
                old.cancel(false);
            }
            return scheduler.schedule(onExpiry, grace.toMillis(), TimeUnit.MILLISECONDS);
        });
    }

    @Override
    public boolean cancel(StreamId streamId) {
        ScheduledFuture<?> timer = timers.remove(streamId);
        if (timer == null) {
            return false;
        }
        timer.cancel(false);
        return true;
    }

    @Override
    public void expired(StreamId streamId) {
        timers.remove(streamId);
    }

    @PreDestroy
    void stopTimers() {
        timers.values().forEach(f -> f.cancel(false));
    }
}
