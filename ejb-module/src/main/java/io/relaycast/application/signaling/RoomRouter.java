package io.relaycast.application.signaling;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Who is in which room, and delivery of messages to them. The in-memory implementation serves one
 * server; a Redis- or JMS-backed one can carry rooms across several (as LiveKit's Local/Redis
 * routers do) without the signaling rules changing.
 */
public interface RoomRouter {

    void add(Participant participant);

    void remove(Participant participant);

    Optional<Participant> find(String streamId, String peerId);

    List<Participant> members(String streamId);

    /** Sends to every member of the room that matches the filter. */
    void publish(String streamId, String text, Predicate<Participant> filter);

    /** Sends to one member; false when there is no such member in that room. */
    boolean deliver(String streamId, String peerId, String text);

    int roomCount();

    int memberCount();

    int memberCount(PeerRole role);
}
