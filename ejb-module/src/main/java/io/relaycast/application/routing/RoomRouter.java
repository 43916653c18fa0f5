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
 * server; a Redis-backed one, built around it (with {@link RoomLocks}, {@link GraceTimers} and
 * {@link ServerNodes} beside it), carries rooms across several without the signaling rules changing.
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

    /**
     * The members whose sockets this server holds, as a router of their own: on a single server this
     * one; on a cluster the in-memory router the cluster's router is built around.
     */
    RoomRouter local();

    /** A member changed after it joined (its viewing session was opened when the stream started). */
    void updated(Participant participant);
}
