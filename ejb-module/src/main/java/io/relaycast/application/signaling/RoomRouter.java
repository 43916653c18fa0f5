package io.relaycast.application.signaling;

import io.relaycast.domain.model.StreamId;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Who is in which room, and delivery of events to them. The in-memory implementation serves one
 * server; a Redis-backed one (with {@link RoomLocks} and {@link GraceTimers} beside it) carries
 * rooms across several without the signaling rules changing.
 */
public interface RoomRouter {

    void add(Participant participant);

    void remove(Participant participant);

    Optional<Participant> find(StreamId streamId, PeerId peerId);

    List<Participant> members(StreamId streamId);

    /** The room's broadcaster session, if one is connected. */
    default Optional<Participant> broadcaster(StreamId streamId) {
        return members(streamId).stream().filter(Participant::isBroadcaster).findFirst();
    }

    /** Sends to every member of the room that matches the filter. */
    void publish(StreamId streamId, SignalEvent event, Predicate<Participant> filter);

    /** Sends to one member; false when there is no such member in that room. */
    boolean deliver(StreamId streamId, PeerId peerId, SignalEvent event);

    int roomCount();

    int memberCount();

    int memberCount(PeerRole role);
}
