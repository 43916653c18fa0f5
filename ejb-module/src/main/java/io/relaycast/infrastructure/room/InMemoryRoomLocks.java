package io.relaycast.infrastructure.room;

import io.relaycast.application.routing.RoomLocks;
import io.relaycast.domain.model.stream.StreamId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** One monitor per room of this JVM. */
@ApplicationScoped
@Typed(InMemoryRoomLocks.class) // chosen by RoomMachinery
public class InMemoryRoomLocks implements RoomLocks {

    private final Map<StreamId, Object> locks = new ConcurrentHashMap<>();

    @Override
    public <T> T inRoom(StreamId streamId, Supplier<T> work) {
        synchronized (locks.computeIfAbsent(streamId, k -> new Object())) {
            return work.get();
        }
    }

    @Override
    public void forget(StreamId streamId) {
        locks.remove(streamId);
    }
}
