package io.relaycast.domain.model.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.relaycast.domain.model.shared.InvalidInputException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Editing, cancelling and capping a stream: what each state allows, and the calendar's revision. */
class LivestreamRevisionTest {

    private static final Instant T0 = Instant.parse("2026-12-05T10:00:00Z");
    private static final Instant LATER = T0.plusSeconds(86_400);

    private static Livestream scheduled() {
        return Livestream.schedule("alice", "All hands", "Agenda", false, T0.plusSeconds(3600), T0);
    }

    private static StreamRevision time(Instant at) {
        return new StreamRevision(null, null, at, null, null, null);
    }

    @Test
    void aScheduledStreamTakesEveryChangeAndEachRealChangeIsANewRevision() {
        Livestream s = scheduled();
        assertEquals(0, s.getCalendarSequence());
        assertTrue(s.revise(new StreamRevision("All hands (moved)", "", LATER, List.of("q4"), true, 500)));
        assertEquals("All hands (moved)", s.getTitle());
        assertNull(s.getDescription(), "an empty description removes it");
        assertEquals(LATER, s.getScheduledAt());
        assertTrue(s.isRecordingEnabled());
        assertEquals(500, s.getMaxViewers());
        assertEquals(1, s.getCalendarSequence());

        assertFalse(s.revise(time(LATER)), "the same time again is no change");
        assertEquals(1, s.getCalendarSequence());
        assertFalse(s.revise(new StreamRevision(null, null, null, null, null, 0)), "the limit is not in the calendar");
        assertNull(s.getMaxViewers(), "0 lifts the limit");
        assertEquals(1, s.getCalendarSequence());
    }

    @Test
    void onceLiveTheTimeAndRecordingAreFixedButTheTitleAndLimitMayChange() {
        Livestream s = scheduled();
        s.start(T0);
        assertThrows(StreamStateException.class, () -> s.revise(time(LATER)));
        assertThrows(StreamStateException.class, () -> s.revise(new StreamRevision(null, null, null, null, true, null)));
        assertTrue(s.revise(new StreamRevision("Live title", null, null, null, null, 10)));
        assertEquals(10, s.getMaxViewers());
        s.end(T0.plusSeconds(60), null);
        assertThrows(StreamStateException.class, () -> s.revise(new StreamRevision(null, null, null, null, null, 20)));
        assertTrue(s.revise(new StreamRevision("For the recording", null, null, null, null, null)));
    }

    @Test
    void onlyAScheduledStreamIsCancelledAndThenNothingChanges() {
        Livestream s = scheduled();
        s.cancel();
        assertEquals(StreamStatus.CANCELLED, s.getStatus());
        assertTrue(s.getStatus().isOver());
        assertEquals(1, s.getCalendarSequence(), "calendars must see the cancellation as newer");
        assertThrows(StreamStateException.class, () -> s.revise(new StreamRevision("x", null, null, null, null, null)));
        assertThrows(StreamStateException.class, () -> s.start(T0));
        assertThrows(StreamStateException.class, s::rotateKey);

        Livestream live = scheduled();
        live.start(T0);
        assertThrows(StreamStateException.class, live::cancel);
    }

    @Test
    void aFullStreamIsFullAtItsLimitAndALimitMustBeSensible() {
        Livestream s = scheduled();
        assertFalse(s.isFull(1_000_000), "no limit by default");
        s.limitViewers(2);
        assertFalse(s.isFull(1));
        assertTrue(s.isFull(2));
        assertThrows(InvalidInputException.class, () -> s.limitViewers(-1));
        assertThrows(InvalidInputException.class, () -> s.limitViewers(Audience.MAX_VIEWERS + 1));
        assertThrows(InvalidInputException.class,
                () -> s.revise(new StreamRevision(" ", null, null, null, null, null)), "a blank title");
    }

    @Test
    void tagsAreShortWordsLowerCasedOnceEachAndAtMostTen() {
        assertEquals(List.of("all-hands", "q4", "ünïcode"), Tags.of(List.of(" All-Hands", "q4", "ALL-HANDS", "Ünïcode")));
        assertThrows(InvalidInputException.class, () -> Tags.of(List.of("two words")));
        assertThrows(InvalidInputException.class, () -> Tags.of(List.of("-edge")));
        assertThrows(InvalidInputException.class, () -> Tags.of(List.of("%")));
        assertThrows(InvalidInputException.class, () -> Tags.of(List.of("x".repeat(Tags.MAX_LENGTH + 1))));
        assertThrows(InvalidInputException.class,
                () -> Tags.of(List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k")));
        assertEquals(List.of(), Tags.of(null));
    }
}
