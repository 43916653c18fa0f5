package io.relaycast.domain.model.poll;

import io.relaycast.domain.model.shared.ConflictException;
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
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** A question with 2–6 options: drafted, opened for votes, closed (never back). */
@Entity
@Table(name = "livestream_polls")
@NamedQuery(name = Poll.OF_STREAM, query = "SELECT p FROM Poll p WHERE p.streamId = :streamId ORDER BY p.createdAt, p.id")
public class Poll {

    public static final String OF_STREAM = "Poll.ofStream";
    public static final int MAX_QUESTION = 200;
    public static final int MAX_OPTION = 80;
    public static final int MAX_PER_STREAM = 50;

    /** draft → open → closed. */
    public enum State { DRAFT, OPEN, CLOSED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "stream_id", nullable = false, length = 36)
    private String streamId;

    @Column(name = "question", nullable = false, length = MAX_QUESTION)
    private String question;

    /** The options, one per line (an option is one line of text). */
    @Column(name = "options", nullable = false, length = 6 * (MAX_OPTION + 1))
    private String options;

    @Column(name = "state", nullable = false, length = 8)
    private String state;

    @Column(name = "created_by", nullable = false, length = 128)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    @Column(name = "closed_at")
    private LocalDateTime closedAt;

    protected Poll() {
        // for JPA
    }

    public static Poll draft(StreamId streamId, String question, List<String> options, String by, Instant now) {
        if (options == null || options.size() < 2 || options.size() > 6) {
            throw new InvalidInputException("options must list 2 to 6 answers.");
        }
        List<String> clean = options.stream().map(o -> InputText.text(o, "an option", MAX_OPTION, true)).toList();
        if (new HashSet<>(clean.stream().map(o -> o.toLowerCase(Locale.ROOT)).toList()).size() != clean.size()) {
            throw new InvalidInputException("options must differ from one another.");
        }
        Poll p = new Poll();
        p.id = UUID.randomUUID().toString();
        p.streamId = streamId.value();
        p.question = InputText.text(question, "question", MAX_QUESTION, true);
        p.options = String.join("\n", clean);
        p.state = State.DRAFT.name();
        p.createdBy = by;
        p.createdAt = UtcTime.toColumn(now);
        return p;
    }

    public void open() {
        if (state() != State.DRAFT) {
            throw new ConflictException("Only a draft poll can be opened; this one is " + state().wireName() + ".");
        }
        state = State.OPEN.name();
    }

    public void close(Instant now) {
        if (state() != State.OPEN) {
            throw new ConflictException("Only an open poll can be closed; this one is " + state().wireName() + ".");
        }
        state = State.CLOSED.name();
        closedAt = UtcTime.toColumn(now);
    }

    /** A vote for option {@code index} (0-based), while open. */
    public void requireVotable(int index) {
        if (state() != State.OPEN) {
            throw new ConflictException("This poll is " + state().wireName() + ", not open for votes.");
        }
        if (index < 0 || index >= options().size()) {
            throw new InvalidInputException("option must be 0 to " + (options().size() - 1) + ".");
        }
    }

    public String getId() {
        return id;
    }

    public StreamId streamId() {
        return StreamId.of(streamId);
    }

    public String question() {
        return question;
    }

    public List<String> options() {
        return Arrays.asList(options.split("\n"));
    }

    public State state() {
        return State.valueOf(state);
    }

    public Instant createdAt() {
        return UtcTime.fromColumn(createdAt);
    }

    public Instant closedAt() {
        return UtcTime.fromColumn(closedAt);
    }
}
