package io.relaycast.domain.model.question;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.relaycast.domain.model.shared.InvalidInputException;
import io.relaycast.domain.model.stream.StreamId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class QuestionTest {

    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");

    @Test
    void aModeratedQaHoldsQuestionsUntilApproved() {
        Question held = Question.ask(StreamId.of("s"), "carol", " Why? ", false, true, NOW);
        assertEquals(Question.State.PENDING, held.state());
        assertFalse(held.state().public_());
        assertEquals("Why?", held.text());
        held.moveTo(Question.State.set("approved"));
        assertTrue(held.state().public_());
        assertEquals(Question.State.APPROVED, Question.ask(StreamId.of("s"), "carol", "Why?", true, false, NOW).state());
    }

    @Test
    void moderatorsSetOnlyTheStatesAfterPendingAndTextIsChecked() {
        assertEquals(Question.State.ANSWERING, Question.State.set("answering"));
        assertFalse(Question.State.DISMISSED.public_());
        assertThrows(InvalidInputException.class, () -> Question.State.set("pending"));
        assertThrows(InvalidInputException.class, () -> Question.State.set("ANSWERED"));
        assertThrows(InvalidInputException.class, () -> Question.ask(StreamId.of("s"), "c", " ", false, false, NOW));
        assertThrows(InvalidInputException.class, () -> Question.ask(StreamId.of("s"), "c", "x".repeat(501), false, false, NOW));
        assertThrows(InvalidInputException.class, () -> Question.ask(StreamId.of("s"), "c", "a\u202Eb", false, false, NOW));
    }
}
