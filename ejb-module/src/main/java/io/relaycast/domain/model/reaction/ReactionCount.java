package io.relaycast.domain.model.reaction;

import io.relaycast.domain.model.shared.UtcTime;
import io.relaycast.domain.model.stream.StreamId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDateTime;

/**
 * How many of one reaction a stream got in one short window on one server: reactions are counted,
 * not stored one by one (a clapping audience would write a row per clap).
 */
@Entity
@Table(name = "livestream_reactions")
@NamedQuery(name = ReactionCount.OF_STREAM, query = "SELECT r FROM ReactionCount r WHERE r.streamId = :streamId")
public class ReactionCount {

    public static final String OF_STREAM = "ReactionCount.ofStream";

    @Id
    @SequenceGenerator(name = "reactions_seq", sequenceName = "livestream_reactions_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "reactions_seq")
    @Column(name = "id")
    private Long id;

    @Column(name = "stream_id", nullable = false, length = 36)
    private String streamId;

    @Column(name = "reaction", nullable = false, length = 16)
    private String reaction;

    @Column(name = "window_end", nullable = false)
    private LocalDateTime windowEnd;

    @Column(name = "reaction_count", nullable = false)
    private int count;

    protected ReactionCount() {
        // for JPA
    }

    public ReactionCount(StreamId streamId, Reaction reaction, Instant windowEnd, int count) {
        this.streamId = streamId.value();
        this.reaction = reaction.name();
        this.windowEnd = UtcTime.toColumn(windowEnd);
        this.count = count;
    }

    public Reaction reaction() {
        return Reaction.valueOf(reaction);
    }

    public Instant windowEnd() {
        return UtcTime.fromColumn(windowEnd);
    }

    public int count() {
        return count;
    }
}
