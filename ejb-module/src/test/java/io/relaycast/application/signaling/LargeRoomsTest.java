package io.relaycast.application.signaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.relaycast.application.signaling.SignalingRig.Member;
import io.relaycast.application.signaling.protocol.SignalEvent;
import io.relaycast.domain.model.stream.DeliveryMode;
import io.relaycast.domain.model.stream.Livestream;
import io.relaycast.domain.model.stream.StreamId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Large-room mode: from {@link SignalingRig#LARGE_ROOM} viewers on, the broadcaster of an SFU or
 * relay stream is spared each viewer's join and leave (and the audience list); a peer-to-peer
 * broadcaster, which offers to each viewer itself, still hears of every one.
 */
class LargeRoomsTest {

    final SignalingRig rig = new SignalingRig();

    private List<Member> viewers(StreamId id, int n) {
        List<Member> joined = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            joined.add(rig.viewer(id, null));
        }
        return joined;
    }

    @Test
    void anSfuBroadcasterStopsHearingOfEachViewerOnceTheRoomIsLarge() {
        Livestream live = rig.streams.add("alice", true);
        live.deliverBy(DeliveryMode.SFU, 3);
        Member b = rig.broadcasterWithKey(live.getId(), live.getStreamKey());
        List<Member> audience = viewers(live.getId(), SignalingRig.LARGE_ROOM + 3);

        assertEquals(SignalingRig.LARGE_ROOM - 1, b.peer().all(SignalEvent.ViewerJoined.class).size(),
                "told of each viewer until the room is large, then of none");
        assertTrue(rig.largeRooms.isLarge(live.getId()));

        rig.signaling.disconnected(audience.get(0).participant());
        assertTrue(b.peer().all(SignalEvent.ViewerLeft.class).isEmpty(), "a leaving viewer of a large room is not announced");

        Member again = rig.broadcasterWithKey(live.getId(), live.getStreamKey());
        assertTrue(again.peer().last(SignalEvent.Joined.class).viewers().isEmpty(),
                "a returning broadcaster gets the count, not a list of the audience");
    }

    @Test
    void aSmallRoomKeepsEveryAnnouncement() {
        Livestream live = rig.streams.add("alice", true);
        live.deliverBy(DeliveryMode.SFU, 3);
        Member b = rig.broadcasterWithKey(live.getId(), live.getStreamKey());
        List<Member> audience = viewers(live.getId(), SignalingRig.LARGE_ROOM - 2);
        rig.signaling.disconnected(audience.get(0).participant());

        assertEquals(SignalingRig.LARGE_ROOM - 2, b.peer().all(SignalEvent.ViewerJoined.class).size());
        assertEquals(1, b.peer().all(SignalEvent.ViewerLeft.class).size());
        Member again = rig.broadcasterWithKey(live.getId(), live.getStreamKey());
        assertEquals(SignalingRig.LARGE_ROOM - 3, again.peer().last(SignalEvent.Joined.class).viewers().size());
    }

    @Test
    void aPeerToPeerBroadcasterHearsOfEveryViewerHoweverMany() {
        Livestream p2p = rig.streams.add("alice", true);
        Member b = rig.broadcasterWithKey(p2p.getId(), p2p.getStreamKey());
        List<Member> audience = viewers(p2p.getId(), SignalingRig.LARGE_ROOM + 2);
        rig.signaling.disconnected(audience.get(0).participant());

        assertEquals(SignalingRig.LARGE_ROOM + 2, b.peer().all(SignalEvent.ViewerJoined.class).size(),
                "it offers to each of them");
        assertEquals(1, b.peer().all(SignalEvent.ViewerLeft.class).size());
    }
}
