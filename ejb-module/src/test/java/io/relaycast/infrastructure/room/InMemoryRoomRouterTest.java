package io.relaycast.infrastructure.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.relaycast.application.routing.CloseCause;
import io.relaycast.application.routing.Participant;
import io.relaycast.application.routing.Peer;
import io.relaycast.application.signaling.protocol.PeerId;
import io.relaycast.application.signaling.protocol.PeerRole;
import io.relaycast.application.signaling.protocol.SignalEvent;
import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.domain.model.shared.UserId;
import io.relaycast.domain.model.viewer.ViewerId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryRoomRouterTest {

    static final StreamId S1 = StreamId.of("s1");
    static final StreamId S2 = StreamId.of("s2");

    static final class RecordingPeer implements Peer {
        final List<SignalEvent> sent = new ArrayList<>();

        @Override
        public boolean send(SignalEvent event) {
            sent.add(event);
            return true;
        }

        @Override
        public void close(CloseCause cause) {
        }
    }

    static SignalEvent note(String text) {
        return new SignalEvent.Error("note", text);
    }

    @Test
    void deliversOnlyWithinTheRoomAndToTheAddressee() {
        InMemoryRoomRouter router = new InMemoryRoomRouter();
        RecordingPeer bt = new RecordingPeer();
        RecordingPeer v1t = new RecordingPeer();
        RecordingPeer otherT = new RecordingPeer();
        Participant b = new Participant(S1, PeerRole.BROADCASTER, new UserId("alice"), null, bt);
        Participant v1 = new Participant(S1, PeerRole.VIEWER, null, new ViewerId("v1"), v1t);
        Participant other = new Participant(S2, PeerRole.VIEWER, null, new ViewerId("v2"), otherT);
        router.add(b);
        router.add(v1);
        router.add(other);
        SignalEvent hello = note("hello");
        SignalEvent all = note("all");
        SignalEvent viewers = note("viewers");

        assertTrue(router.deliver(S1, v1.peerId(), hello));
        assertFalse(router.deliver(S1, other.peerId(), note("wrong room")));
        assertFalse(router.deliver(S1, new PeerId("p_nobody"), note("nobody")));
        assertEquals(List.of(hello), v1t.sent);
        assertTrue(otherT.sent.isEmpty());

        router.publish(S1, all, p -> true);
        router.publish(S1, viewers, p -> !p.isBroadcaster());
        assertEquals(List.of(all), bt.sent);
        assertEquals(List.of(hello, all, viewers), v1t.sent);
        assertTrue(otherT.sent.isEmpty());
        assertSame(b, router.broadcaster(S1).orElseThrow());
        assertTrue(router.broadcaster(S2).isEmpty());

        assertEquals(2, router.roomCount());
        assertEquals(3, router.memberCount());
        assertEquals(2, router.memberCount(PeerRole.VIEWER));

        router.remove(v1);
        router.remove(b);
        assertEquals(1, router.roomCount());
        assertTrue(router.members(S1).isEmpty());
    }

    @Test
    void peerIdsAreServerAssignedAndUnique() {
        Participant a = new Participant(S1, PeerRole.VIEWER, null, null, new RecordingPeer());
        Participant b = new Participant(S1, PeerRole.VIEWER, null, null, new RecordingPeer());
        assertTrue(a.peerId().value().startsWith("p_") && a.peerId().value().length() >= 18);
        assertFalse(a.peerId().equals(b.peerId()));
    }
}
