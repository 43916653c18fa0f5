package io.relaycast.application.signaling;

import io.relaycast.application.routing.CloseCause;
import io.relaycast.application.routing.Participant;
import io.relaycast.application.signaling.protocol.PeerRole;
import io.relaycast.application.signaling.protocol.SignalCommand;
import io.relaycast.application.signaling.protocol.SignalEvent;
import io.relaycast.application.signaling.protocol.SignalingException;
import io.relaycast.application.limits.JoinLimits;
import io.relaycast.application.limits.RateBucketStore;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.relaycast.application.viewer.RoomStats;
import io.relaycast.application.signaling.SignalingFakes.RecordingPeer;
import io.relaycast.application.signaling.SignalingRig.Member;
import io.relaycast.domain.model.stream.Livestream;
import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.domain.model.stream.StreamKey;
import io.relaycast.domain.model.stream.StreamStateException;
import io.relaycast.domain.model.stream.StreamStatus;
import io.relaycast.domain.model.shared.UserId;
import io.relaycast.domain.model.viewer.ViewerId;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Joining and admission, takeover, waiting viewers and the end of a room; no server. */
class SignalingRulesTest {

    final SignalingRig rig = new SignalingRig();
    final Livestream live = rig.streams.add("alice", true);
    final StreamId liveId = live.getId();

    static String errorCode(Executable action) {
        return assertThrows(SignalingException.class, action).code();
    }

    @Test
    void broadcasterJoinsWithTheKeyOrAsTheSignedInOwner() {
        Member b = rig.broadcasterWithKey(liveId, live.getStreamKey());
        SignalEvent.Joined joined = b.peer().last(SignalEvent.Joined.class);
        assertEquals(PeerRole.BROADCASTER, joined.role());
        assertEquals(StreamStatus.LIVE, joined.status());
        assertEquals(b.peerId(), joined.peerId());
        assertEquals(new UserId("alice"), b.participant().userId());

        RecordingPeer owner = new RecordingPeer();
        Participant signedIn = rig.joinNow(owner, liveId, SignalCommand.Join.broadcaster(null),
                new UserId("alice"));
        assertTrue(signedIn.isBroadcaster());
    }

    @Test
    void broadcasterWithoutTheKeyIsRefused() {
        assertEquals("forbidden", errorCode(() -> rig.broadcasterWithKey(liveId, "rk_wrong")));
        assertEquals("forbidden", errorCode(() -> rig.joinNow(new RecordingPeer(), liveId,
                SignalCommand.Join.broadcaster(null), null)));
        assertEquals("forbidden", errorCode(() -> rig.joinNow(new RecordingPeer(), liveId,
                SignalCommand.Join.broadcaster(null), new UserId("bob"))));
        assertTrue(rig.router.members(liveId).isEmpty(), "nobody joined");
    }

    @Test
    void aViewerEntersTheRoomOnlyOnceItsSessionIsCommitted() {
        Member b = rig.broadcasterWithKey(liveId, live.getStreamKey());
        rig.viewers.commit = new CompletableFuture<>();
        RecordingPeer peer = new RecordingPeer();
        CompletableFuture<Participant> joining = rig.signaling.join(peer, liveId, SignalCommand.Join.viewer(null), null)
                .toCompletableFuture();
        assertFalse(joining.isDone());
        assertTrue(peer.sent.isEmpty(), "nothing said before the row is written");
        assertTrue(b.peer().all(SignalEvent.ViewerJoined.class).isEmpty());
        assertEquals(1, rig.router.members(liveId).size());

        rig.viewers.commit.complete(null);
        Participant viewer = joining.join();
        assertNotNull(peer.last(SignalEvent.Joined.class).viewerId());
        assertEquals(viewer.peerId(), b.peer().last(SignalEvent.ViewerJoined.class).viewer().peerId());
        assertEquals(2, rig.router.members(liveId).size());
    }

    @Test
    void aFailedWriteIsASignalingErrorAndNobodyEnters() {
        rig.viewers.commit = new CompletableFuture<>();
        CompletableFuture<Participant> joining = rig.signaling.join(new RecordingPeer(), liveId,
                SignalCommand.Join.viewer(null), null).toCompletableFuture();
        rig.viewers.commit.completeExceptionally(new StreamStateException("Stream is not live.", null));
        CompletionException e = assertThrows(CompletionException.class, joining::join);
        assertTrue(e.getCause() instanceof SignalingException, String.valueOf(e.getCause()));
        assertTrue(rig.router.members(liveId).isEmpty());
    }

    @Test
    void unknownAndEndedStreamsAreRefused() {
        assertEquals("not-found", errorCode(() -> rig.viewer(StreamId.of("nope"), null)));
        rig.streams.end(live.getId(), "alice", null);
        assertEquals("stream-ended", errorCode(() -> rig.viewer(liveId, null)));
        assertEquals("stream-ended", errorCode(() -> rig.broadcasterWithKey(liveId, live.getStreamKey())));
    }

    @Test
    void aSecondBroadcasterSessionTakesOver() {
        Member first = rig.broadcasterWithKey(liveId, live.getStreamKey());
        Member viewer = rig.viewer(liveId, "carol");
        Member second = rig.broadcasterWithKey(liveId, live.getStreamKey());

        assertEquals("replaced", first.peer().last(SignalEvent.Error.class).code());
        assertEquals(CloseCause.REPLACED, first.peer().closed);
        assertEquals(second.participant(), rig.router.broadcaster(liveId).orElseThrow());
        assertEquals(second.peerId(), viewer.peer().last(SignalEvent.BroadcasterRejoined.class).peerId());
        assertEquals(List.of(viewer.peerId()),
                second.peer().last(SignalEvent.Joined.class).viewers().stream()
                        .map(SignalEvent.AudienceMember::peerId).toList(), "the new session learns whom to offer to");

        // The replaced session's close is not a drop: no grace, no broadcaster-left.
        rig.signaling.disconnected(first.participant());
        assertTrue(rig.grace.running.isEmpty());
        assertTrue(viewer.peer().all(SignalEvent.BroadcasterLeft.class).isEmpty());
    }

    @Test
    void viewerOfALiveStreamGetsASessionAndTheBroadcasterIsTold() {
        Member b = rig.broadcasterWithKey(liveId, live.getStreamKey());
        Member v = rig.viewer(liveId, null);
        SignalEvent.Joined joined = v.peer().last(SignalEvent.Joined.class);
        assertNotNull(joined.viewerId());
        assertTrue(rig.viewers.open.contains(joined.viewerId().value()));
        assertEquals(b.peerId(), joined.broadcasterPeerId());
        assertEquals(new RoomStats(1, 1, 0), joined.stats(), "the figures its own session's transaction counted");
        SignalEvent.ViewerJoined told = b.peer().last(SignalEvent.ViewerJoined.class);
        assertEquals(v.peerId(), told.viewer().peerId());
        assertNull(told.viewer().userId(), "anonymous viewers have no user id");
    }

    @Test
    void viewerOfAScheduledStreamWaitsAndIsAdmittedWhenItStarts() {
        Livestream later = rig.streams.add("alice", false);
        StreamId laterId = later.getId();
        Member v = rig.viewer(laterId, "carol");
        SignalEvent.Joined joined = v.peer().last(SignalEvent.Joined.class);
        assertEquals(StreamStatus.SCHEDULED, joined.status());
        assertNull(joined.viewerId());
        assertTrue(rig.viewers.open.isEmpty());
        assertEquals(List.of(SignalingFakes.Ice.STUN), joined.iceServers(), "no TURN credentials before admission");

        Member b = rig.broadcasterWithKey(laterId, later.getStreamKey());
        assertTrue(b.peer().last(SignalEvent.Joined.class).viewers().isEmpty(), "waiting viewers get no offer");
        rig.streams.start(later.getId(), "alice");
        rig.signaling.admission.admitWaitingViewers(laterId);
        assertNotNull(v.participant().viewerId());
        SignalEvent.Admitted admitted = v.peer().last(SignalEvent.Admitted.class);
        assertEquals(v.participant().viewerId(), admitted.viewerId());
        assertTrue(admitted.iceServers().stream().anyMatch(s -> s.username() != null), "TURN once admitted");
        assertEquals(v.peerId(), b.peer().last(SignalEvent.ViewerJoined.class).viewer().peerId());
        assertEquals(new UserId("carol"), b.peer().last(SignalEvent.ViewerJoined.class).viewer().userId());
    }

    @Test
    void aViewerMayAdoptItsRestSessionOnlyOnce() {
        String rowId = rig.viewers.join(live.getId(), null).viewerId();
        RecordingPeer first = new RecordingPeer();
        Participant p = rig.joinNow(first, liveId, SignalCommand.Join.viewer(new ViewerId(rowId)), null);
        assertEquals(new ViewerId(rowId), p.viewerId());
        assertEquals("already-joined", errorCode(() -> rig.joinNow(new RecordingPeer(), liveId,
                SignalCommand.Join.viewer(new ViewerId(rowId)), null)));
        assertEquals("already-joined", errorCode(() -> rig.signaling.handle(p, SignalCommand.Join.viewer(null))));
    }

    @Test
    void broadcasterDropStartsTheGracePeriodAndARejoinKeepsTheStream() {
        Member b = rig.broadcasterWithKey(liveId, live.getStreamKey());
        Member v = rig.viewer(liveId, null);
        rig.signaling.disconnected(b.participant());

        assertEquals(30, v.peer().last(SignalEvent.BroadcasterLeft.class).graceSeconds());
        assertEquals(Duration.ofSeconds(30), rig.grace.lastGrace);
        assertTrue(rig.grace.running.containsKey(liveId));

        Member back = rig.broadcasterWithKey(liveId, live.getStreamKey());
        assertTrue(rig.grace.running.isEmpty(), "rejoining cancels the timer");
        assertEquals(back.peerId(), v.peer().last(SignalEvent.BroadcasterRejoined.class).peerId());
        assertEquals(StreamStatus.LIVE, live.getStatus());
    }

    @Test
    void graceExpiryEndsTheAbandonedStreamUnlessTheBroadcasterIsBack() {
        Member b = rig.broadcasterWithKey(liveId, live.getStreamKey());
        rig.signaling.disconnected(b.participant());
        rig.grace.fire(liveId);
        assertEquals(List.of(live.getId()), rig.streams.abandoned);
        assertEquals(StreamStatus.ENDED, live.getStatus());

        Livestream other = rig.streams.add("alice", true);
        StreamId otherId = other.getId();
        Member ob = rig.broadcasterWithKey(otherId, other.getStreamKey());
        rig.lifecycle.startGrace(otherId); // e.g. armed at start-up while the broadcaster raced back
        rig.grace.fire(otherId);
        assertEquals(List.of(live.getId()), rig.streams.abandoned, "a connected broadcaster keeps it live");
        assertEquals(StreamStatus.LIVE, other.getStatus());
        assertNotNull(ob);
    }

    @Test
    void viewerDropClosesItsSessionAndTellsTheBroadcaster() {
        Member b = rig.broadcasterWithKey(liveId, live.getStreamKey());
        Member v = rig.viewer(liveId, null);
        rig.signaling.disconnected(v.participant());
        assertEquals(List.of(v.participant().viewerId().value()), rig.viewers.left);
        assertEquals(v.peerId(), b.peer().last(SignalEvent.ViewerLeft.class).peerId());
        assertTrue(rig.router.find(liveId, v.peerId()).isEmpty());
    }

    @Test
    void closingTheRoomTellsEveryoneThenClosesTheirSessions() {
        Member b = rig.broadcasterWithKey(liveId, live.getStreamKey());
        Member v = rig.viewer(liveId, null);
        SignalEvent.StreamStopped stopped = new SignalEvent.StreamStopped(liveId, SignalingFakes.NOW, null);
        rig.lifecycle.closeRoom(liveId, stopped);
        for (Member m : List.of(b, v)) {
            assertEquals(stopped, m.peer().last(SignalEvent.StreamStopped.class));
            assertEquals(CloseCause.STREAM_ENDED, m.peer().closed);
        }
        assertTrue(rig.router.members(liveId).isEmpty());
        rig.signaling.disconnected(b.participant()); // the socket's own close afterwards
        assertTrue(rig.grace.running.isEmpty(), "an ended room waits for nobody");
    }

    @Test
    void pingIsTheOnlyCommandBeforeJoining() {
        RecordingPeer peer = new RecordingPeer();
        rig.signaling.beforeJoin(peer, new SignalCommand.Ping());
        assertEquals(SignalingFakes.NOW, peer.last(SignalEvent.Pong.class).time());
        assertEquals("not-joined", errorCode(() -> rig.signaling.beforeJoin(peer, new SignalCommand.Like())));
        assertEquals("not-joined", errorCode(() -> rig.signaling.beforeJoin(peer,
                new SignalCommand.ChatSend("hi"))));
    }

    @Test
    void streamKeysNeverShowInText() {
        StreamKey key = StreamKey.of(live.getStreamKey());
        assertTrue(!key.toString().contains(live.getStreamKey()));
        assertTrue(!SignalCommand.Join.broadcaster(key).toString().contains(live.getStreamKey()));
    }

    @Test
    void socketJoinsAreLimitedPerAddressAlsoWhileTheStreamIsScheduled() {
        rig.admission().joinLimits = new JoinLimits(1, 1000, RateBucketStore.local()); // bursts of 5 per address
        Livestream later = rig.streams.add("alice", false);
        String refused = null;
        int admitted = 0;
        for (int i = 0; i < 20 && refused == null; i++) {
            SignalingFakes.RecordingPeer peer = new SignalingFakes.RecordingPeer();
            peer.address = "203.0.113.7";
            try {
                rig.joinNow(peer, i % 2 == 0 ? liveId : later.getId(), SignalCommand.Join.viewer(null), null);
                admitted++;
            } catch (SignalingException e) {
                refused = e.code();
            }
        }
        assertEquals("rate-limited", refused, "one address cannot open viewer sessions without end");
        assertEquals(5, admitted, "the burst, whatever the stream's state");
        SignalingFakes.RecordingPeer other = new SignalingFakes.RecordingPeer();
        other.address = "198.51.100.1";
        rig.joinNow(other, liveId, SignalCommand.Join.viewer(null), null);
    }
}
