package io.relaycast.application.signaling;

import io.relaycast.application.signaling.protocol.PeerId;
import io.relaycast.application.signaling.protocol.RelayKind;
import io.relaycast.application.signaling.protocol.RelayPayload;
import io.relaycast.application.signaling.protocol.SignalCommand;
import io.relaycast.application.signaling.protocol.SignalEvent;
import io.relaycast.application.signaling.protocol.SignalingException;
import static io.relaycast.application.signaling.SignalingRulesTest.errorCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.relaycast.application.signaling.SignalingRig.Member;
import io.relaycast.domain.model.stream.Livestream;
import io.relaycast.domain.model.stream.StreamId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Relay addressing, chat, likes, the end command and per-user limits; no server. */
class SignalRelayRulesTest {

    final SignalingRig rig = new SignalingRig();
    final Livestream live = rig.streams.add("alice", true);
    final StreamId liveId = live.getId();
    final RelayPayload sdp = new RelayPayload("{\"type\":\"offer\",\"sdp\":\"v=0\"}");

    static SignalCommand.Relay relay(RelayKind kind, PeerId to, RelayPayload payload) {
        return new SignalCommand.Relay(kind, to, payload);
    }

    @Test
    void broadcasterOffersToANamedViewerWhoAnswersWithAServerSetFrom() {
        Member b = rig.broadcasterWithKey(liveId, live.getStreamKey());
        Member v1 = rig.viewer(liveId, null);
        Member v2 = rig.viewer(liveId, null);

        rig.signaling.handle(b.participant(), relay(RelayKind.OFFER, v1.peerId(), sdp));
        SignalEvent.Relayed offer = v1.peer().last(SignalEvent.Relayed.class);
        assertEquals(new SignalEvent.Relayed(RelayKind.OFFER, b.peerId(), sdp), offer);
        assertTrue(v2.peer().all(SignalEvent.Relayed.class).isEmpty(), "only the addressee gets it");

        RelayPayload answer = new RelayPayload("{\"type\":\"answer\"}");
        rig.signaling.handle(v1.participant(), relay(RelayKind.ANSWER, null, answer));
        assertEquals(new SignalEvent.Relayed(RelayKind.ANSWER, v1.peerId(), answer),
                b.peer().last(SignalEvent.Relayed.class));
        rig.signaling.handle(v1.participant(), relay(RelayKind.CANDIDATE, b.peerId(), RelayPayload.NULL));
        assertEquals(RelayPayload.NULL, b.peer().last(SignalEvent.Relayed.class).payload());
        assertEquals(3, rig.metrics.relayed);
    }

    @Test
    void broadcasterMustNameAViewerOfThisRoomAndNeverAnswers() {
        Member b = rig.broadcasterWithKey(liveId, live.getStreamKey());
        Member v = rig.viewer(liveId, null);
        Livestream other = rig.streams.add("alice", true);
        Member stranger = rig.viewer(other.getId(), null);

        assertEquals("bad-message", errorCode(() -> rig.signaling.handle(b.participant(),
                relay(RelayKind.OFFER, null, sdp))));
        assertEquals("unknown-peer", errorCode(() -> rig.signaling.handle(b.participant(),
                relay(RelayKind.OFFER, stranger.peerId(), sdp))));
        assertEquals("unknown-peer", errorCode(() -> rig.signaling.handle(b.participant(),
                relay(RelayKind.CANDIDATE, b.peerId(), sdp))), "not to itself");
        assertEquals("forbidden", errorCode(() -> rig.signaling.handle(b.participant(),
                relay(RelayKind.ANSWER, v.peerId(), sdp))));
        assertTrue(v.peer().all(SignalEvent.Relayed.class).isEmpty());
        assertTrue(stranger.peer().all(SignalEvent.Relayed.class).isEmpty());
        assertEquals(0, rig.metrics.relayed);
    }

    @Test
    void viewerMayOnlyAddressTheBroadcaster() {
        Member b = rig.broadcasterWithKey(liveId, live.getStreamKey());
        Member v1 = rig.viewer(liveId, null);
        Member v2 = rig.viewer(liveId, null);

        assertEquals("forbidden", errorCode(() -> rig.signaling.handle(v1.participant(),
                relay(RelayKind.CANDIDATE, v2.peerId(), sdp))));
        assertEquals("unknown-peer", errorCode(() -> rig.signaling.handle(v1.participant(),
                relay(RelayKind.ANSWER, PeerId.random(), sdp))));
        assertEquals("forbidden", errorCode(() -> rig.signaling.handle(v1.participant(),
                relay(RelayKind.OFFER, b.peerId(), sdp))), "viewers never offer");
        assertTrue(v2.peer().all(SignalEvent.Relayed.class).isEmpty());
        assertTrue(b.peer().all(SignalEvent.Relayed.class).isEmpty());
    }

    @Test
    void withoutABroadcasterThereIsNobodyToAnswer() {
        Member v = rig.viewer(liveId, null);
        assertEquals("no-broadcaster", errorCode(() -> rig.signaling.handle(v.participant(),
                relay(RelayKind.ANSWER, null, sdp))));
    }

    @Test
    void chatAndLikesNeedASignedInUserAndValidText() {
        rig.broadcasterWithKey(liveId, live.getStreamKey());
        Member anonymous = rig.viewer(liveId, null);
        Member carol = rig.viewer(liveId, "carol");

        assertEquals("unauthenticated", errorCode(() -> rig.signaling.handle(anonymous.participant(),
                new SignalCommand.ChatSend("hi"))));
        assertEquals("unauthenticated", errorCode(() -> rig.signaling.handle(anonymous.participant(),
                new SignalCommand.Like())));
        assertEquals("invalid-input", errorCode(() -> rig.signaling.handle(carol.participant(),
                new SignalCommand.ChatSend("   "))));
        rig.signaling.handle(carol.participant(), new SignalCommand.ChatSend("  <b>hello</b> "));
        rig.signaling.handle(carol.participant(), new SignalCommand.Like());
        assertEquals(List.of("carol: <b>hello</b>"), rig.chat.posted);
        assertEquals(1, live.getLikeCount());
    }

    @Test
    void perUserLimitsComeBackAsRateLimited() {
        rig.streams.likeLimit = 2;
        Member carol = rig.viewer(liveId, "carol");
        rig.signaling.handle(carol.participant(), new SignalCommand.Like());
        rig.signaling.handle(carol.participant(), new SignalCommand.Like());
        assertEquals("rate-limited", errorCode(() -> rig.signaling.handle(carol.participant(),
                new SignalCommand.Like())));
        assertEquals(2, live.getLikeCount());
    }

    @Test
    void oversizedPayloadsAreRefusedBeforeAnythingIsSent() {
        Member b = rig.broadcasterWithKey(liveId, live.getStreamKey());
        Member v = rig.viewer(liveId, null);
        RelayPayload bigCandidate = new RelayPayload("\"" + "c".repeat(2100) + "\"");
        assertEquals("too-large", errorCode(() -> rig.signaling.handle(v.participant(),
                relay(RelayKind.CANDIDATE, null, bigCandidate))));
        RelayPayload bigSdp = new RelayPayload("\"" + "v".repeat(33_000) + "\"");
        assertEquals("too-large", errorCode(() -> rig.signaling.handle(b.participant(),
                relay(RelayKind.OFFER, v.peerId(), bigSdp))));
        rig.signaling.handle(v.participant(), relay(RelayKind.ANSWER, null, new RelayPayload("\"" + "v".repeat(30_000) + "\"")));
        assertEquals(1, b.peer().all(SignalEvent.Relayed.class).size());
    }

    @Test
    void aViewerHasARelayBudgetTheBroadcasterDoesNot() {
        Member b = rig.broadcasterWithKey(liveId, live.getStreamKey());
        Member v = rig.viewer(liveId, null);
        SignalCommand.Relay candidate = relay(RelayKind.CANDIDATE, null, new RelayPayload("{\"candidate\":\"c\"}"));
        int sent = 0;
        SignalingException refused = null;
        while (refused == null && sent < 1000) { // the rig's clock stands still: no refill
            try {
                rig.signaling.handle(v.participant(), candidate);
                sent++;
            } catch (SignalingException e) {
                refused = e;
            }
        }
        assertEquals(30, sent, "a burst of three seconds' worth (10/s)");
        assertEquals("rate-limited", refused.code());
        assertEquals(30, b.peer().all(SignalEvent.Relayed.class).size());
        for (int i = 0; i < 100; i++) {
            rig.signaling.handle(b.participant(), relay(RelayKind.CANDIDATE, v.peerId(), candidate.payload()));
        }
        assertEquals(100, v.peer().all(SignalEvent.Relayed.class).size());
    }

    @Test
    void aBackedUpAddresseeKeepsItsSessionAndTheSenderIsTold() {
        Member b = rig.broadcasterWithKey(liveId, live.getStreamKey());
        Member v = rig.viewer(liveId, null);
        b.peer().shedding = true;
        assertEquals("rate-limited", errorCode(() -> rig.signaling.handle(v.participant(),
                relay(RelayKind.ANSWER, null, sdp))));
        assertEquals(null, b.peer().closed);
        assertEquals(0, rig.metrics.relayed);
    }

    @Test
    void onlyTheBroadcasterEndsTheStream() {
        Member b = rig.broadcasterWithKey(liveId, live.getStreamKey());
        Member carol = rig.viewer(liveId, "carol");
        assertEquals("forbidden", errorCode(() -> rig.signaling.handle(carol.participant(),
                new SignalCommand.EndStream())));
        rig.signaling.handle(b.participant(), new SignalCommand.Ping());
        assertEquals(SignalingFakes.NOW, b.peer().last(SignalEvent.Pong.class).time());
        rig.signaling.handle(b.participant(), new SignalCommand.EndStream());
        assertEquals("ended", live.getStatus().wireName());
    }
}
