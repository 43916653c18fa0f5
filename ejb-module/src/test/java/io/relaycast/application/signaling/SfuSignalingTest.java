package io.relaycast.application.signaling;

import io.relaycast.application.signaling.protocol.PeerRole;
import io.relaycast.application.signaling.protocol.Playback;
import io.relaycast.application.signaling.protocol.RelayPayload;
import io.relaycast.application.signaling.protocol.SignalCommand;
import io.relaycast.application.signaling.protocol.SignalEvent;
import io.relaycast.application.signaling.protocol.SignalingException;
import static io.relaycast.application.signaling.SignalingRulesTest.errorCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.relaycast.application.signaling.SignalingFakes.RecordingPeer;
import io.relaycast.application.signaling.SignalingRig.Member;
import io.relaycast.domain.model.stream.DeliveryMode;
import io.relaycast.domain.model.stream.Livestream;
import io.relaycast.domain.model.stream.StreamId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Delivery through the SFU: who publishes, who is subscribed when, what a departure closes. */
class SfuSignalingTest {

    final SignalingRig rig = new SignalingRig();
    final Livestream live = rig.streams.add("alice", true);
    final StreamId liveId = live.getId();
    final RelayPayload offer = new RelayPayload("{\"type\":\"offer\",\"sdp\":\"v=0\"}");

    SfuSignalingTest() {
        live.deliverBy(DeliveryMode.SFU, 3);
    }

    @Test
    void theBroadcasterPublishesOnceAndEveryViewerIsSubscribed() {
        Member early = rig.viewer(liveId, null);
        Member b = rig.broadcasterWithKey(liveId, live.getStreamKey());
        assertEquals(DeliveryMode.SFU, b.peer().last(SignalEvent.Joined.class).delivery());
        assertTrue(early.peer().all(SignalEvent.SfuOffer.class).isEmpty(), "nothing to subscribe to yet");

        rig.signaling.handle(b.participant(), new SignalCommand.SfuPublish(offer));
        assertEquals("{\"type\":\"answer\"}", b.peer().last(SignalEvent.SfuPublished.class).sdp().json());
        assertEquals(1, early.peer().all(SignalEvent.SfuOffer.class).size(), "waiting viewers are subscribed");

        Member late = rig.viewer(liveId, "carol");
        assertEquals(1, late.peer().all(SignalEvent.SfuOffer.class).size(), "later viewers at once");
        rig.signaling.handle(late.participant(), new SignalCommand.SfuAnswer(new RelayPayload("{}")));
        rig.signaling.handle(late.participant(), new SignalCommand.SfuCandidate(RelayPayload.NULL));
        rig.signaling.handle(late.participant(), new SignalCommand.SfuLayer(0));
        assertEquals(List.of("publish " + b.peerId(), "subscribe " + early.peerId() + " to " + b.peerId(),
                "subscribe " + late.peerId() + " to " + b.peerId(), "start " + late.peerId(), "trickle " + late.peerId(),
                "layer " + late.peerId() + " 0"), rig.sfu.calls);
        assertTrue(b.peer().all(SignalEvent.Relayed.class).isEmpty(), "no per-viewer negotiation for the broadcaster");
    }

    @Test
    void onlyTheBroadcasterPublishesAndOnlyViewersAnswer() {
        Member b = rig.broadcasterWithKey(liveId, live.getStreamKey());
        Member v = rig.viewer(liveId, null);
        assertEquals("forbidden", errorCode(() -> rig.signaling.handle(v.participant(), new SignalCommand.SfuPublish(offer))));
        assertEquals("forbidden", errorCode(() -> rig.signaling.handle(b.participant(), new SignalCommand.SfuAnswer(offer))));
        assertEquals("bad-message", errorCode(() -> rig.signaling.handle(v.participant(), new SignalCommand.SfuLayer(7))));
        assertEquals("bad-message", errorCode(() -> rig.signaling.handle(v.participant(),
                new SignalCommand.SfuCandidate(new RelayPayload("\"candidate:1 1 udp\"")))), "a candidate is an object");
        assertTrue(rig.sfu.calls.isEmpty());
    }

    @Test
    void sfuMessagesOnAPeerToPeerStreamAreRefused() {
        Livestream p2p = rig.streams.add("alice", true);
        Member b = rig.broadcasterWithKey(p2p.getId(), p2p.getStreamKey());
        assertEquals("bad-message", errorCode(() -> rig.signaling.handle(b.participant(), new SignalCommand.SfuPublish(offer))));
        assertTrue(rig.sfu.calls.isEmpty());
    }

    @Test
    void departuresCloseHandlesAndTheEndClosesTheRoom() {
        Member b = rig.broadcasterWithKey(liveId, live.getStreamKey());
        rig.signaling.handle(b.participant(), new SignalCommand.SfuPublish(offer));
        Member v = rig.viewer(liveId, null);
        rig.signaling.disconnected(v.participant());
        assertTrue(rig.sfu.calls.contains("leave " + v.peerId()));
        Member takeover = rig.broadcasterWithKey(liveId, live.getStreamKey());
        assertTrue(rig.sfu.calls.contains("leave " + b.peerId()), "the replaced publisher's handle is closed");
        rig.lifecycle.closeRoom(liveId, new SignalEvent.StreamStopped(liveId, SignalingFakes.NOW, null));
        assertTrue(rig.sfu.calls.contains("close " + liveId));
        assertTrue(takeover.peer().closed != null);
    }

    @Test
    void aViewerHasABudgetOfSfuMessagesAndTheBroadcasterNone() {
        Member b = rig.broadcasterWithKey(liveId, live.getStreamKey());
        Member v = rig.viewer(liveId, null);
        int sent = 0;
        String refused = null;
        while (refused == null && sent < 1000) {
            sent++;
            try {
                rig.signaling.handle(v.participant(), new SignalCommand.SfuCandidate(RelayPayload.NULL));
            } catch (SignalingException e) {
                refused = e.code();
            }
        }
        assertEquals("rate-limited", refused, "a flood of sfu:candidate is cut off");
        assertTrue(sent <= 31, "within the relay budget (10 per second, bursts of 30): " + sent);
        long trickled = rig.sfu.calls.stream().filter(c -> c.startsWith("trickle")).count();
        assertEquals(sent - 1, trickled, "nothing over the budget reached the SFU");
        for (int i = 0; i < 100; i++) {
            rig.signaling.handle(b.participant(), new SignalCommand.SfuCandidate(RelayPayload.NULL));
        }
    }

    @Test
    void theSfusOwnErrorTextNeverReachesTheBrowser() {
        rig.sfu.failPublish = "Janus error 436: User ID 7 already exists in room 1234 (secret adminpw)";
        Member b = rig.broadcasterWithKey(liveId, live.getStreamKey());
        rig.signaling.handle(b.participant(), new SignalCommand.SfuPublish(offer));
        SignalEvent.Error error = b.peer().last(SignalEvent.Error.class);
        assertEquals("sfu-unavailable", error.code());
        assertTrue(!error.message().contains("Janus") && !error.message().contains("1234")
                && !error.message().contains("adminpw"), error.message());
    }

    @Test
    void aViewerPlayingHlsIsInTheRoomButSubscribedToNothingUntilItAsksForWebRtc() {
        Member b = rig.broadcasterWithKey(liveId, live.getStreamKey());
        rig.signaling.handle(b.participant(), new SignalCommand.SfuPublish(offer));
        RecordingPeer peer = new RecordingPeer();
        Member hls = new Member(rig.joinNow(peer, liveId, new SignalCommand.Join(PeerRole.VIEWER, null, null,
                SignalCommand.RelayPrefs.NONE, Playback.HLS), null), peer);
        assertTrue(hls.participant().isAdmittedViewer(), "counted as a viewer");
        assertTrue(hls.peer().all(SignalEvent.SfuOffer.class).isEmpty());
        assertTrue(rig.sfu.calls.stream().noneMatch(c -> c.startsWith("subscribe " + hls.peerId())));

        rig.signaling.handle(hls.participant(), new SignalCommand.ChangePlayback(Playback.WEBRTC));
        assertEquals(1, hls.peer().all(SignalEvent.SfuOffer.class).size(), "WebRTC again: subscribed");
        rig.signaling.handle(hls.participant(), new SignalCommand.ChangePlayback(Playback.HLS));
        assertTrue(rig.sfu.calls.contains("leave " + hls.peerId()), "HLS again: the SFU handle goes");
        assertEquals("forbidden", errorCode(() -> rig.signaling.handle(b.participant(),
                new SignalCommand.ChangePlayback(Playback.HLS))));
    }

    @Test
    void hlsIsOnlyTheSfusSecondWayOut() {
        Livestream p2p = rig.streams.add("alice", true);
        rig.broadcasterWithKey(p2p.getId(), p2p.getStreamKey());
        RecordingPeer peer = new RecordingPeer();
        Member v = new Member(rig.joinNow(peer, p2p.getId(), new SignalCommand.Join(PeerRole.VIEWER, null, null,
                SignalCommand.RelayPrefs.NONE, Playback.HLS), null), peer);
        assertEquals(Playback.WEBRTC, v.participant().playback(), "asked of a P2P stream: what that delivery sends");
        assertEquals("hls-unavailable", errorCode(() -> rig.signaling.handle(v.participant(),
                new SignalCommand.ChangePlayback(Playback.HLS))));
    }
}
