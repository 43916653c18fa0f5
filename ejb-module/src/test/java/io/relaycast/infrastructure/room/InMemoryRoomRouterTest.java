package io.relaycast.infrastructure.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.relaycast.application.signaling.Participant;
import io.relaycast.application.signaling.Peer;
import io.relaycast.application.signaling.PeerRole;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryRoomRouterTest {

    static final class RecordingPeer implements Peer {
        final List<String> sent = new ArrayList<>();

        @Override
        public void send(String text) {
            sent.add(text);
        }

        @Override
        public void close(int code, String reason) {
            sent.add("closed " + code);
        }
    }

    @Test
    void deliversOnlyWithinTheRoomAndToTheAddressee() {
        InMemoryRoomRouter router = new InMemoryRoomRouter();
        RecordingPeer bt = new RecordingPeer();
        RecordingPeer v1t = new RecordingPeer();
        RecordingPeer otherT = new RecordingPeer();
        Participant b = new Participant("s1", PeerRole.BROADCASTER, "alice", null, bt);
        Participant v1 = new Participant("s1", PeerRole.VIEWER, null, "v1", v1t);
        Participant other = new Participant("s2", PeerRole.VIEWER, null, "v2", otherT);
        router.add(b);
        router.add(v1);
        router.add(other);

        assertTrue(router.deliver("s1", v1.peerId(), "hello"));
        assertFalse(router.deliver("s1", other.peerId(), "wrong room"));
        assertFalse(router.deliver("s1", "p_nobody", "nobody"));
        assertEquals(List.of("hello"), v1t.sent);
        assertTrue(otherT.sent.isEmpty());

        router.publish("s1", "all", p -> true);
        router.publish("s1", "viewers", p -> !p.isBroadcaster());
        assertEquals(List.of("all"), bt.sent);
        assertEquals(List.of("hello", "all", "viewers"), v1t.sent);
        assertTrue(otherT.sent.isEmpty());

        assertEquals(2, router.roomCount());
        assertEquals(3, router.memberCount());
        assertEquals(2, router.memberCount(PeerRole.VIEWER));

        router.remove(v1);
        router.remove(b);
        assertEquals(1, router.roomCount());
        assertTrue(router.members("s1").isEmpty());
    }

    @Test
    void peerIdsAreServerAssignedAndUnique() {
        Participant a = new Participant("s", PeerRole.VIEWER, null, null, new RecordingPeer());
        Participant b = new Participant("s", PeerRole.VIEWER, null, null, new RecordingPeer());
        assertTrue(a.peerId().startsWith("p_") && a.peerId().length() >= 18);
        assertFalse(a.peerId().equals(b.peerId()));
    }
}
