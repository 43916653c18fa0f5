package io.relaycast.infrastructure.room;

import io.relaycast.application.routing.Participant;
import io.relaycast.application.signaling.protocol.PeerId;
import io.relaycast.application.signaling.protocol.PeerRole;
import io.relaycast.application.routing.RoomRouter;
import io.relaycast.application.signaling.protocol.SignalEvent;
import io.relaycast.domain.model.stream.StreamId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/** Rooms of this server only: a map of stream id → (peer id → participant). */
@ApplicationScoped
@Typed(InMemoryRoomRouter.class) // chosen by RoomMachinery
public class InMemoryRoomRouter implements RoomRouter {

    private final Map<StreamId, Map<PeerId, Participant>> rooms = new ConcurrentHashMap<>();

    @Override
    public void add(Participant p) {
        rooms.computeIfAbsent(p.streamId(), k -> new ConcurrentHashMap<>()).put(p.peerId(), p);
    }

    @Override
    public void remove(Participant p) {
        rooms.computeIfPresent(p.streamId(), (k, room) -> {
            room.remove(p.peerId(), p);
            return room.isEmpty() ? null : room;
        });
    }

    @Override
    public Optional<Participant> find(StreamId streamId, PeerId peerId) {
        Map<PeerId, Participant> room = rooms.get(streamId);
        return room == null || peerId == null ? Optional.empty() : Optional.ofNullable(room.get(peerId));
    }

    @Override
    public List<Participant> members(StreamId streamId) {
        Map<PeerId, Participant> room = rooms.get(streamId);
        return room == null ? List.of() : List.copyOf(room.values());
    }

    @Override
    public Optional<Participant> broadcaster(StreamId streamId) {
        Map<PeerId, Participant> room = rooms.get(streamId);
        return room == null ? Optional.empty()
                : room.values().stream().filter(Participant::isBroadcaster).findFirst();
    }

    @Override
    public void publish(StreamId streamId, SignalEvent event, Predicate<Participant> filter) {
        Map<PeerId, Participant> room = rooms.get(streamId);
        if (room != null) {
            for (Participant p : room.values()) {
                if (filter.test(p)) {
                    p.send(event);
                }
            }
        }
    }

    @Override
    public boolean deliver(StreamId streamId, PeerId peerId, SignalEvent event) {
        Optional<Participant> p = find(streamId, peerId);
        p.ifPresent(x -> x.send(event));
        return p.isPresent();
    }

    @Override
    public int roomCount() {
        return rooms.size();
    }

    @Override
    public int memberCount() {
        return rooms.values().stream().mapToInt(Map::size).sum();
    }

    @Override
    public int memberCount(PeerRole role) {
        return (int) rooms.values().stream().flatMap(r -> r.values().stream()).filter(p -> p.role() == role).count();
    }
}
