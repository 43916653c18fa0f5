package io.relaycast.domain.model.stream;

import io.relaycast.domain.model.chat.ChatMessage;
import io.relaycast.domain.model.shared.InvalidInputException;
import io.relaycast.domain.model.viewer.LivestreamViewer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LivestreamLifecycleTest {

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    private static Livestream scheduled() {
        return Livestream.schedule("alice", "  All hands  ", "Q&A", true, null, T0);
    }

    @Test
    void newStreamIsScheduledTrimmedAndHasASecretKey() {
        Livestream s = scheduled();
        assertEquals(StreamStatus.SCHEDULED, s.getStatus());
        assertEquals("All hands", s.getTitle());
        assertEquals(T0, s.getCreatedAt());
        assertTrue(s.getStreamKey().startsWith("rk_"));
        assertFalse(s.toString().contains(s.getStreamKey()), "toString must not leak the key");
        assertNotEquals(s.getStreamKey(), scheduled().getStreamKey());
    }

    @Test
    void startsOnlyFromScheduledAndEndsOnlyFromLive() {
        Livestream s = scheduled();
        StreamStateException notLive = assertThrows(StreamStateException.class, () -> s.end(T0, null));
        assertEquals(StreamStatus.SCHEDULED, notLive.actual());

        s.start(T0.plusSeconds(5));
        assertEquals(StreamStatus.LIVE, s.getStatus());
        assertEquals(T0.plusSeconds(5), s.getStartedAt());
        assertThrows(StreamStateException.class, () -> s.start(T0.plusSeconds(6)));

        s.end(T0.plusSeconds(65), " /rec/a.webm ");
        assertEquals(StreamStatus.ENDED, s.getStatus());
        assertEquals("/rec/a.webm", s.getRecordingUrl());
        assertEquals(Duration.ofSeconds(60), s.airTime(T0.plusSeconds(1000)));
        assertThrows(StreamStateException.class, () -> s.end(T0.plusSeconds(70), null));
        assertThrows(StreamStateException.class, () -> s.start(T0.plusSeconds(70)));
    }

    @Test
    void endWithoutRecordingUrlKeepsNone() {
        Livestream s = scheduled();
        s.start(T0);
        s.end(T0.plusSeconds(1), "  ");
        assertNull(s.getRecordingUrl());
    }

    @Test
    void joinChatAndLikeNeedALiveStream() {
        Livestream s = scheduled();
        assertThrows(StreamStateException.class, () -> LivestreamViewer.join(s, null, T0));
        assertThrows(StreamStateException.class, () -> ChatMessage.post(s, "carol", "carol", "hi", T0));
        assertThrows(StreamStateException.class, s::like);

        s.start(T0);
        assertEquals("hi", ChatMessage.post(s, "carol", null, " hi ", T0).getMessage());
        assertEquals(1, s.like());
        assertEquals(2, s.like());
        LivestreamViewer v = LivestreamViewer.join(s, null, T0);
        assertTrue(v.isOpen());
        assertTrue(v.belongsTo(s.getId()));

        s.end(T0.plusSeconds(1), null);
        assertThrows(StreamStateException.class, () -> LivestreamViewer.join(s, "carol", T0));
        assertThrows(StreamStateException.class, s::like);
    }

    @Test
    void onlyTheOwnerMayControlTheStream() {
        Livestream s = scheduled();
        s.requireOwner("alice");
        assertThrows(NotStreamOwnerException.class, () -> s.requireOwner("bob"));
        assertThrows(NotStreamOwnerException.class, () -> s.requireOwner(null));
    }

    @Test
    void titleAndOwnerAreRequired() {
        assertThrows(InvalidInputException.class, () -> Livestream.schedule("alice", " ", null, false, null, T0));
        assertThrows(InvalidInputException.class, () -> Livestream.schedule(null, "t", null, false, null, T0));
    }

    @Test
    void peakIsTheHighestConcurrentCountAndNeverDecreases() {
        Livestream s = scheduled();
        s.start(T0);
        s.observeConcurrentViewers(1);
        s.observeConcurrentViewers(3);
        assertEquals(3, s.getViewerCountPeak());
        s.observeConcurrentViewers(2);
        s.observeConcurrentViewers(0);
        assertEquals(3, s.getViewerCountPeak());
        s.observeConcurrentViewers(4);
        assertEquals(4, s.getViewerCountPeak());
    }

    @Test
    void leavingIsIdempotentAndKeepsTheFirstTime() {
        Livestream s = scheduled();
        s.start(T0);
        LivestreamViewer v = LivestreamViewer.join(s, "carol", T0);
        v.leave(T0.plusSeconds(10));
        v.leave(T0.plusSeconds(20));
        assertEquals(T0.plusSeconds(10), v.getLeftAt());
        assertFalse(v.isOpen());
    }

    @Test
    void airTimeRunsWhileLiveAndIsZeroBeforeStart() {
        Livestream s = scheduled();
        assertEquals(Duration.ZERO, s.airTime(T0.plusSeconds(100)));
        s.start(T0);
        assertEquals(Duration.ofSeconds(100), s.airTime(T0.plusSeconds(100)));
    }
}
