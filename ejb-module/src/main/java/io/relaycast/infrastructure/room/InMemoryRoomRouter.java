package io.relaycast.infrastructure.room;

import io.relaycast.application.routing.Participant;
import io.relaycast.application.routing.RoomRouter;
import io.relaycast.application.signaling.protocol.PeerId;
import io.relaycast.application.signaling.protocol.PeerRole;
import io.relaycast.application.signaling.protocol.SignalEvent;
import io.relaycast.domain.model.stream.StreamId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Rooms of this server only: the members whose sockets it holds. On a single server it is the
 * router; on a cluster the Redis router is built around one.
 */
@ApplicationScoped
@Typed(InMemoryRoomRouter.class) // chosen by RoomMachinery
public class InMemoryRoomRouter implements RoomRouter {

    private final RoomMap rooms = new RoomMap();

    @Override
    public void add(Participant p) {
        rooms.put(p);
    }

    @Override
    public void remove(Participant p) {
        rooms.remove(p);
    }

    /** Removes exactly this member; false when it was not here. */
    public boolean removeIfHere(Participant p) {
        return rooms.remove(p);
    }

    /** Removes whoever has this peer id in the room; null when nobody. */
    public Participant remove(StreamId streamId, PeerId peerId) {
        return rooms.remove(streamId, peerId);
    }

    @Override
    public Optional<Participant> find(StreamId streamId, PeerId peerId) {
        return Optional.ofNullable(rooms.get(streamId, peerId));
    }

    @Override
    public List<Participant> members(StreamId streamId) {
        return rooms.members(streamId);
    }

    /** Every member, in every room. */
    public List<Participant> all() {
        return rooms.all();
    }

    @Override
    public Optional<Participant> broadcaster(StreamId streamId) {
        return rooms.view(streamId).stream().filter(Participant::isBroadcaster).findFirst();
    }

    @Override
    public void publish(StreamId streamId, SignalEvent event, Predicate<Participant> filter) {
        for (Participant p : rooms.view(streamId)) {
            if (filter.test(p)) {
                p.send(event);
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
        return rooms.roomIds().size();
    }

    /** The rooms with a member here. */
    public Set<StreamId> roomIds() {
        return rooms.roomIds();
    }

    @Override
    public int memberCount() {
        return rooms.size();
    }

    @Override
    public int memberCount(PeerRole role) {
        return rooms.count(role);
    }

    @Override
    public RoomRouter local() {
        return this;
    }

    @Override
    public void updated(Participant participant) {
        // the map holds the participant itself: nothing to copy
    }
}
