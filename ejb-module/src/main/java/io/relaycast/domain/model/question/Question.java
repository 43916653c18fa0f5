package io.relaycast.domain.model.question;

import io.relaycast.domain.model.shared.InputText;
import io.relaycast.domain.model.shared.InvalidInputException;
import io.relaycast.domain.model.shared.UtcTime;
import io.relaycast.domain.model.stream.StreamId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.UUID;

/**
 * A viewer's question: pending until a moderator approves it (in a moderated Q&A; else approved at
 * once), then maybe answering (shown to all as "now answering") and answered, or dismissed. Its
 * author is kept even when it was asked anonymously (moderators see who asked).
 */
@Entity
@Table(name = "livestream_questions")
@NamedQuery(name = Question.OF_STREAM, query = "SELECT q FROM Question q WHERE q.streamId = :streamId ORDER BY q.createdAt, q.id")
public class Question {

    public static final String OF_STREAM = "Question.ofStream";
    public static final int MAX_TEXT = 500;

    public enum State { PENDING, APPROVED, DISMISSED, ANSWERING, ANSWERED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The states a moderator sets (pending is where questions start). */
        public static State set(String wire) {
            for (State s : values()) {
                if (s != PENDING && s.wireName().equals(wire)) {
                    return s;
                }
            }
            throw new InvalidInputException("state must be 'approved', 'dismissed', 'answering' or 'answered'.");
        }

        /** Whether viewers other than its author see it. */
        public boolean public_() {
            return this != PENDING && this != DISMISSED;
        }
    }

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "stream_id", nullable = false, length = 36)
    private String streamId;

    @Column(name = "author", nullable = false, length = 128)
    private String author;

    @Column(name = "anonymous", nullable = false)
    private boolean anonymous;

    @Column(name = "question_text", nullable = false, length = MAX_TEXT)
    private String text;

    @Column(name = "state", nullable = false, length = 12)
    private String state;

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    protected Question() {
        // for JPA
    }

    public static Question ask(StreamId streamId, String author, String text, boolean anonymous, boolean moderated,
                               Instant now) {
        Question q = new Question();
        q.id = UUID.randomUUID().toString();
        q.streamId = streamId.value();
        q.author = author;
        q.anonymous = anonymous;
        q.text = InputText.lines(text, "text", MAX_TEXT, true);
        q.state = (moderated ? State.PENDING : State.APPROVED).name();
        q.createdAt = UtcTime.toColumn(now);
        return q;
    }

    public void moveTo(State next) {
        state = next.name();
    }

    public String getId() {
        return id;
    }

    public StreamId streamId() {
        return StreamId.of(streamId);
    }

    public String author() {
        return author;
    }

    public boolean anonymous() {
        return anonymous;
    }

    public String text() {
        return text;
    }

    public State state() {
        return State.valueOf(state);
    }

    public Instant createdAt() {
        return UtcTime.fromColumn(createdAt);
    }
}
