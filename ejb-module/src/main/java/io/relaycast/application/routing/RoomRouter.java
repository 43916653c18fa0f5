package io.relaycast.application.routing;

import io.relaycast.application.signaling.protocol.PeerId;
import io.relaycast.application.signaling.protocol.PeerRole;
import io.relaycast.application.signaling.protocol.SignalEvent;
import io.relaycast.domain.model.stream.StreamId;
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

    /** Rooms with a member anywhere (on every server of a cluster). */
    int roomCount();

    int memberCount();

    int memberCount(PeerRole role);

    /** The members whose sockets this server holds (on a single server, all of them). */
    default List<Participant> localMembers(StreamId streamId) {
        return members(streamId);
    }

    default int localRoomCount() {
        return roomCount();
    }

    default int localMemberCount() {
        return memberCount();
    }

    default int localMemberCount(PeerRole role) {
        return memberCount(role);
    }

    /** A member's viewing session was opened after it joined (it waited for the start). */
    default void admitted(Participant participant) {
    }

    /** Tells the other servers of a cluster what happened to a stream (nothing to do on one server). */
    default void announce(RoomNews news) {
    }
}
