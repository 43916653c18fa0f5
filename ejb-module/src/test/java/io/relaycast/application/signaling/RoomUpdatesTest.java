package io.relaycast.application.signaling;

import io.relaycast.application.routing.Participant;
import io.relaycast.application.signaling.protocol.PeerRole;
import io.relaycast.application.signaling.protocol.SignalEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.relaycast.application.viewer.RoomStats;
import io.relaycast.application.signaling.SignalingFakes.RecordingPeer;
import io.relaycast.domain.model.stream.Livestream;
import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.domain.model.viewer.ViewerId;
import io.relaycast.infrastructure.room.InMemoryRoomRouter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Coalesced stream_update: every dirty room with members is told its figures, read in one go. */
class RoomUpdatesTest {

    final SignalingFakes.Streams streams = new SignalingFakes.Streams();
    final InMemoryRoomRouter router = new InMemoryRoomRouter();
    final RoomUpdates updates = new RoomUpdates();

    RoomUpdatesTest() {
        RoomStatistics statistics = new RoomStatistics();
        statistics.streams = streams;
        updates.statistics = statistics;
        updates.router = router;
        updates.largeRooms = new LargeRooms(router, null, 0, 5);
    }

    private RecordingPeer member(Livestream s) {
        RecordingPeer peer = new RecordingPeer();
        router.add(new Participant(s.getId(), PeerRole.VIEWER, null, null, peer));
        return peer;
    }

    @Test
    void everyChangedRoomIsToldItsOwnFiguresFromOneRead() {
        Livestream a = streams.add("alice", true);
        Livestream b = streams.add("bob", true);
        Livestream empty = streams.add("alice", true);
        a.like();
        a.like();
        b.like();
        streams.viewersNow = 7;
        RecordingPeer inA = member(a);
        RecordingPeer inB = member(b);
        for (Livestream s : List.of(a, b, empty)) {
            updates.changed(s.getId());
        }

        updates.flush();

        assertEquals(new RoomStats(7, 0, 2), inA.last(SignalEvent.StreamUpdate.class).stats());
        assertEquals(new RoomStats(7, 0, 1), inB.last(SignalEvent.StreamUpdate.class).stats());
        assertEquals(1, streams.batchReads.size(), "one read for all the rooms that changed");
        assertEquals(2, streams.batchReads.get(0).size(), "a room nobody is in is not read");
        assertEquals(0, streams.singleReads);

        updates.flush();
        assertEquals(1, inA.all(SignalEvent.StreamUpdate.class).size(), "nothing changed: nothing sent");
        assertEquals(1, streams.batchReads.size());
    }

    @Test
    void aRoomWhoseStreamIsGoneIsSkippedAndTheOthersAreStillTold() {
        Livestream a = streams.add("alice", true);
        Livestream gone = streams.add("bob", true);
        RecordingPeer inA = member(a);
        RecordingPeer inGone = member(gone);
        streams.byId.remove(gone.getId());
        updates.changed(gone.getId());
        updates.changed(a.getId());

        updates.flush();

        assertEquals(1, inA.all(SignalEvent.StreamUpdate.class).size());
        assertTrue(inGone.all(SignalEvent.StreamUpdate.class).isEmpty());
    }

    @Test
    void manyRoomsAreReadInBoundedBatches() {
        List<RecordingPeer> peers = new ArrayList<>();
        for (int i = 0; i < RoomUpdates.MAX_READ + 3; i++) {
            Livestream s = streams.add("alice", true);
            peers.add(member(s));
            updates.changed(s.getId());
        }

        updates.flush();

        assertEquals(List.of(RoomUpdates.MAX_READ, 3), streams.batchReads.stream().map(Collection::size).toList());
        assertTrue(peers.stream().allMatch(p -> p.all(SignalEvent.StreamUpdate.class).size() == 1));
    }

    @Test
    void viewersOfALargeRoomAreToldEveryFewSecondsAndTheBroadcasterAtEveryChange() {
        updates.largeRooms = new LargeRooms(router, null, 2, 5);
        long[] now = {100_000};
        updates.clock = () -> now[0];
        Livestream s = streams.add("alice", true);
        RecordingPeer broadcaster = new RecordingPeer();
        router.add(new Participant(s.getId(), PeerRole.BROADCASTER, null, null, broadcaster));
        RecordingPeer viewer = admitted(s);
        admitted(s);

        updates.changed(s.getId());
        updates.flush();
        assertEquals(1, viewer.all(SignalEvent.StreamUpdate.class).size(), "the first figures go to everyone");

        for (int i = 0; i < 4; i++) { // a second of joins: four changes, a quarter of a second apart
            s.like();
            now[0] += 250;
            updates.changed(s.getId());
            updates.flush();
        }
        assertEquals(5, broadcaster.all(SignalEvent.StreamUpdate.class).size(), "the console sees every change");
        assertEquals(1, viewer.all(SignalEvent.StreamUpdate.class).size(), "viewers wait for the large-room interval");

        now[0] += 4_000;
        updates.flush(); // nothing changed since, but the viewers are owed the latest figures
        assertEquals(2, viewer.all(SignalEvent.StreamUpdate.class).size());
        assertEquals(4, viewer.last(SignalEvent.StreamUpdate.class).stats().likes());
        now[0] += 10_000;
        updates.flush();
        assertEquals(2, viewer.all(SignalEvent.StreamUpdate.class).size(), "owed once, told once");
    }

    private RecordingPeer admitted(Livestream s) {
        RecordingPeer peer = new RecordingPeer();
        router.add(new Participant(s.getId(), PeerRole.VIEWER, null, new ViewerId(java.util.UUID.randomUUID().toString()), peer));
        return peer;
    }
}
