package io.relaycast.domain.model.poll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.relaycast.domain.model.shared.ConflictException;
import io.relaycast.domain.model.shared.InvalidInputException;
import io.relaycast.domain.model.stream.StreamId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PollTest {

    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");
    private static final StreamId STREAM = StreamId.of("s1");

    private static Poll lunch() {
        return Poll.draft(STREAM, "  Lunch? ", List.of(" Pizza ", "Salad"), "alice", NOW);
    }

    @Test
    void aDraftIsOpenedThenClosedNeverBack() {
        Poll p = lunch();
        assertEquals("Lunch?", p.question());
        assertEquals(List.of("Pizza", "Salad"), p.options());
        assertEquals(Poll.State.DRAFT, p.state());
        assertThrows(ConflictException.class, () -> p.requireVotable(0), "no votes on a draft");
        assertThrows(ConflictException.class, () -> p.close(NOW));
        p.open();
        p.requireVotable(1);
        assertThrows(InvalidInputException.class, () -> p.requireVotable(2));
        assertThrows(InvalidInputException.class, () -> p.requireVotable(-1));
        assertThrows(ConflictException.class, p::open);
        p.close(NOW);
        assertEquals(Poll.State.CLOSED, p.state());
        assertEquals(NOW, p.closedAt());
        assertThrows(ConflictException.class, () -> p.requireVotable(0));
        assertThrows(ConflictException.class, p::open);
    }

    @Test
    void questionAndOptionsAreChecked() {
        assertThrows(InvalidInputException.class, () -> Poll.draft(STREAM, "Q", List.of("one"), "a", NOW));
        assertThrows(InvalidInputException.class, () -> Poll.draft(STREAM, "Q", List.of("1", "2", "3", "4", "5", "6", "7"), "a", NOW));
        assertThrows(InvalidInputException.class, () -> Poll.draft(STREAM, "Q", List.of("Yes", "yes"), "a", NOW));
        assertThrows(InvalidInputException.class, () -> Poll.draft(STREAM, " ", List.of("Yes", "No"), "a", NOW));
        assertThrows(InvalidInputException.class, () -> Poll.draft(STREAM, "Q", List.of("Yes", "a\nb"), "a", NOW));
        assertThrows(InvalidInputException.class, () -> Poll.draft(STREAM, "Q", List.of("Yes", "x".repeat(81)), "a", NOW));
        assertThrows(InvalidInputException.class, () -> Poll.draft(STREAM, "Q", null, "a", NOW));
        assertEquals(6, Poll.draft(STREAM, "Q", List.of("1", "2", "3", "4", "5", "6"), "a", NOW).options().size());
    }
}
