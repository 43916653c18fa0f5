package io.relaycast.infrastructure.cluster;

import io.relaycast.application.routing.RoomLocks;
import io.relaycast.application.signaling.protocol.SignalingException;
import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.infrastructure.room.InMemoryRoomLocks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import redis.clients.jedis.params.SetParams;

/**
 * A room's lock honoured by every node: a Redis key set only if absent, with a lease so that a
 * node that dies holding it blocks the room for at most {@link #LEASE_MILLIS}. Threads of this JVM
 * queue on a local monitor first, so only one of them at a time asks Redis; re-entry by the holding
 * thread does not ask again.
 */
@ApplicationScoped
@Typed(RedisRoomLocks.class)
public class RedisRoomLocks implements RoomLocks {

    static final long LEASE_MILLIS = 15_000;
    /** Longer than a lease: a holder that died is outlived, so only a room busy all that while is "busy". */
    private static final long WAIT_MILLIS = 20_000;
    private static final String RELEASE = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
            return 0""";

    @Inject
    Redis redis;

    private final InMemoryRoomLocks jvm = new InMemoryRoomLocks();
    private final ThreadLocal<Map<StreamId, String>> held = ThreadLocal.withInitial(HashMap::new);

    @Override
    public <T> T inRoom(StreamId streamId, java.util.function.Supplier<T> work) {
        return jvm.inRoom(streamId, () -> {
            Map<StreamId, String> mine = held.get();
            if (mine.containsKey(streamId)) {
                return work.get();
            }
            String key = "rc:lock:" + streamId.value();
            String token = acquire(key);
            mine.put(streamId, token);
            try {
                return work.get();
            } finally {
                mine.remove(streamId);
                redis.client().eval(RELEASE, List.of(key), List.of(token));
            }
        });
    }

    private String acquire(String key) {
        String token = redis.nodeId() + ":" + UUID.randomUUID();
        long deadline = System.nanoTime() + WAIT_MILLIS * 1_000_000L;
        long pause = 100_000L; // 0.1 ms, doubling to 1 ms: a waiter on another node must not sleep through each release
        while (!"OK".equals(redis.client().set(key, token, SetParams.setParams().nx().px(LEASE_MILLIS)))) {
            if (System.nanoTime() > deadline) {
                throw new SignalingException("busy", "The room is busy; try again.");
            }
            LockSupport.parkNanos(pause);
            pause = Math.min(1_000_000L, pause * 2);
        }
        return token;
    }

    @Override
    public void forget(StreamId streamId) {
        jvm.forget(streamId);
    }
}
