package io.relaycast.infrastructure.room;

import io.relaycast.application.routing.Participant;
import io.relaycast.application.signaling.protocol.PeerId;
import io.relaycast.application.signaling.protocol.PeerRole;
import io.relaycast.domain.model.stream.StreamId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Stream id → (peer id → member), rooms dropped when they empty; safe for concurrent use. */
public final class RoomMap {

    private final Map<StreamId, Map<PeerId, Participant>> rooms = new ConcurrentHashMap<>();

    public void put(Participant p) {
        rooms.computeIfAbsent(p.streamId(), k -> new ConcurrentHashMap<>()).put(p.peerId(), p);
    }

    /** Removes exactly this member; false when it was not there. */
    public boolean remove(Participant p) {
        boolean[] removed = {false};
        rooms.computeIfPresent(p.streamId(), (k, room) -> {
            removed[0] = room.remove(p.peerId(), p);
            return room.isEmpty() ? null : room;
        });
        return removed[0];
    }

    /** Removes whoever has this peer id in the room; null when nobody. */
    public Participant remove(StreamId streamId, PeerId peerId) {
        Participant[] removed = {null};
        rooms.computeIfPresent(streamId, (k, room) -> {
            removed[0] = room.remove(peerId);
            return room.isEmpty() ? null : room;
        });
        return removed[0];
    }

    public Participant get(StreamId streamId, PeerId peerId) {
        Map<PeerId, Participant> room = rooms.get(streamId);
        return room == null || peerId == null ? null : room.get(peerId);
    }

    public List<Participant> members(StreamId streamId) {
        Map<PeerId, Participant> room = rooms.get(streamId);
        return room == null ? List.of() : List.copyOf(room.values());
    }

    /** The room's members as they are now, without a copy (for one pass over them). */
    public Collection<Participant> view(StreamId streamId) {
        Map<PeerId, Participant> room = rooms.get(streamId);
        return room == null ? List.of() : room.values();
    }

    public List<Participant> all() {
        return rooms.values().stream().flatMap(r -> r.values().stream()).toList();
    }

    public Set<StreamId> roomIds() {
        return rooms.keySet();
    }

    public int size() {
        return rooms.values().stream().mapToInt(Map::size).sum();
    }

    public int count(PeerRole role) {
        return (int) rooms.values().stream().flatMap(r -> r.values().stream()).filter(p -> p.role() == role).count();
    }

    /** Everything, at once, as {@code fresh} has it. */
    public void replaceWith(RoomMap fresh) {
        rooms.keySet().retainAll(fresh.rooms.keySet());
        rooms.putAll(fresh.rooms);
    }
}
