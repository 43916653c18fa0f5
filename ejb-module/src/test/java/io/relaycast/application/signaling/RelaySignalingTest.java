package io.relaycast.application.signaling;

import io.relaycast.application.signaling.protocol.RelayKind;
import io.relaycast.application.signaling.protocol.RelayPayload;
import io.relaycast.application.signaling.protocol.SignalCommand;
import io.relaycast.application.signaling.protocol.SignalEvent;
import io.relaycast.application.signaling.protocol.SignalingException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.relaycast.application.signaling.SignalingRig.Member;
import io.relaycast.application.delivery.relay.RelayTree;
import io.relaycast.domain.model.stream.DeliveryMode;
import io.relaycast.domain.model.stream.Livestream;
import io.relaycast.domain.model.stream.StreamId;
import org.junit.jupiter.api.Test;

/** Relay delivery (fan-out 1, a chain): who feeds whom, who may signal whom, and repair. */
class RelaySignalingTest {

    final SignalingRig rig = new SignalingRig();
    final Livestream live = rig.streams.add("alice", true);
    final StreamId liveId = live.getId();
    final RelayPayload sdp = new RelayPayload("{\"type\":\"offer\",\"sdp\":\"v=0\"}");

    RelaySignalingTest() {
        live.deliverBy(DeliveryMode.RELAY, 1);
    }

    private void relay(Member from, RelayKind kind, Member to) {
        rig.signaling.handle(from.participant(), new SignalCommand.Relay(kind, to == null ? null : to.peerId(), sdp));
    }

    private String code(Runnable r) {
        return assertThrows(SignalingException.class, r::run).code();
    }

    @Test
    void eachNodeFeedsOnlyItsChildrenAndSignalsOnlyAlongTheTree() {
        Member b = rig.broadcasterWithKey(liveId, live.getStreamKey());
        Member v1 = rig.viewer(liveId, null);
        Member v2 = rig.viewer(liveId, "carol");
        assertEquals(b.peerId(), v1.peer().last(SignalEvent.RelayParent.class).parent());
        assertTrue(v1.peer().last(SignalEvent.RelayParent.class).broadcaster());
        assertEquals(v1.peerId(), b.peer().last(SignalEvent.RelayChild.class).child());
        assertEquals(v1.peerId(), v2.peer().last(SignalEvent.RelayParent.class).parent(), "fan-out 1: a chain");
        assertEquals(v2.peerId(), v1.peer().last(SignalEvent.RelayChild.class).child());
        assertEquals(1, b.peer().all(SignalEvent.RelayChild.class).size(), "the broadcaster feeds one viewer");

        relay(v1, RelayKind.OFFER, v2);
        assertEquals(v1.peerId(), v2.peer().last(SignalEvent.Relayed.class).from());
        relay(v2, RelayKind.ANSWER, null); // no addressee: its parent
        assertEquals(v2.peerId(), v1.peer().last(SignalEvent.Relayed.class).from());
        relay(v2, RelayKind.CANDIDATE, v1);

        assertEquals("forbidden", code(() -> relay(v2, RelayKind.OFFER, v1)), "offers only go down");
        assertEquals("forbidden", code(() -> relay(v2, RelayKind.CANDIDATE, b)), "not linked");
        assertEquals("forbidden", code(() -> relay(b, RelayKind.OFFER, v2)), "the broadcaster feeds its children only");
    }

    @Test
    void aRelayThatLeavesHandsItsChildrenOnAtOnce() {
        Member b = rig.broadcasterWithKey(liveId, live.getStreamKey());
        Member v1 = rig.viewer(liveId, null);
        Member v2 = rig.viewer(liveId, null);
        Member v3 = rig.viewer(liveId, null);
        rig.signaling.disconnected(v1.participant());
        assertEquals(b.peerId(), v2.peer().last(SignalEvent.RelayParent.class).parent(), "v2 moves up with v3 below it");
        assertEquals(v2.peerId(), b.peer().last(SignalEvent.RelayChild.class).child());
        assertEquals(v1.peerId(), b.peer().last(SignalEvent.RelayChildRemoved.class).child());
        assertEquals(1, v3.peer().all(SignalEvent.RelayParent.class).size(), "v3 keeps its parent");
        assertEquals(1, rig.repairs.moved);

        rig.signaling.handle(v3.participant(), new SignalCommand.LostParent());
        assertTrue(v3.peer().all(SignalEvent.RelayParent.class).size() >= 1);
        assertEquals("forbidden", code(() -> rig.signaling.handle(b.participant(), new SignalCommand.LostParent())));
    }

    @Test
    void aLeafMovedUpByARepairIsTakenFromItsFormerParent() {
        live.deliverBy(DeliveryMode.RELAY, 2);
        Member b = rig.broadcasterWithKey(liveId, live.getStreamKey());
        java.util.List<Member> v = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            v.add(rig.viewer(liveId, null)); // filled breadth first: v0,v1 | v2..v5 | v6..v9 under v2,v3
        }
        Member gone = v.get(0);
        rig.signaling.disconnected(gone.participant()); // both its children feed others: a leaf moves up
        Member leaf = v.stream().filter(m -> !m.peer().all(SignalEvent.RelayParent.class).isEmpty()
                && m.peer().last(SignalEvent.RelayParent.class).parent().equals(b.peerId()) && m != v.get(1) && m != gone)
                .findFirst().orElseThrow();
        Member formerParent = v.get(1);
        assertEquals(leaf.peerId(), formerParent.peer().last(SignalEvent.RelayChildRemoved.class).child(),
                "the leaf's former parent stops feeding it");
        assertEquals(leaf.peerId(), b.peer().last(SignalEvent.RelayChild.class).child());
    }

    @Test
    void aViewerThatCannotRelayIsALeafAndLaterViewersGoElsewhere() {
        Member b = rig.broadcasterWithKey(liveId, live.getStreamKey());
        Member v1 = rig.viewer(liveId, null);
        rig.signaling.handle(v1.participant(), new SignalCommand.Stats(30.0, 9.0, 800.0, 25.0, 400.0, "nominal"));
        Member v2 = rig.viewer(liveId, null);
        assertEquals(b.peerId(), v2.peer().last(SignalEvent.RelayParent.class).parent(),
                "not under a viewer with 9 % loss and 400 kbit/s upload");
        assertTrue(v1.peer().all(SignalEvent.RelayChild.class).isEmpty());
    }

    @Test
    void theTopologyShowsTheTreeRootFirst() {
        Member b = rig.broadcasterWithKey(liveId, live.getStreamKey());
        Member v1 = rig.viewer(liveId, null);
        var nodes = rig.signaling.topology(liveId);
        assertEquals(b.peerId().value(), nodes.get(0).id());
        assertEquals(b.peerId().value(), nodes.get(1).parent());
        assertEquals(v1.peerId().value(), nodes.get(1).id());
        assertEquals(1, nodes.get(1).depth());
    }

    private RelayTree.NodeView node(Member m) {
        return rig.signaling.topology(liveId).stream().filter(n -> n.id().equals(m.peerId().value())).findFirst()
                .orElseThrow();
    }

    @Test
    void childrenReportingTheirRelayStalledOutweighItsOwnClaims() {
        live.deliverBy(DeliveryMode.RELAY, 2);
        Member b = rig.broadcasterWithKey(liveId, live.getStreamKey());
        java.util.List<Member> v = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            v.add(rig.viewer(liveId, null)); // breadth first: v0, v1 under b; v2, v3 under v0; v4, v5 under v1
        }
        Member relay = v.get(0);
        assertEquals(relay.peerId().value(), node(v.get(2)).parent());
        assertTrue(node(relay).canRelay());
        SignalCommand.Stats glowing = new SignalCommand.Stats(10.0, 0.0, 5000.0, 30.0, 50_000.0, "nominal");
        rig.signaling.handle(v.get(2).participant(), new SignalCommand.LostParent());
        rig.signaling.handle(relay.participant(), glowing);
        assertTrue(node(relay).canRelay(), "one child alone does not demote its relay");
        rig.signaling.handle(v.get(3).participant(), new SignalCommand.LostParent());
        assertTrue(!node(relay).canRelay(), "two children do");
        assertTrue(node(relay).children().isEmpty(), "it feeds nobody any more");
        rig.signaling.handle(relay.participant(), glowing);
        assertTrue(!node(relay).canRelay(), "and its own glowing stats do not win it back");
        assertTrue(b.peer().all(SignalEvent.RelayChild.class).size() >= 2);
    }
}
