package io.relaycast.domain.model.poll;

import io.relaycast.domain.model.shared.UtcTime;
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

/** One person's vote in a poll; the database keeps it to one per poll and voter (a unique index). */
@Entity
@Table(name = "livestream_poll_votes")
@NamedQuery(name = PollVote.COUNTS, query = "SELECT v.option, COUNT(v) FROM PollVote v WHERE v.pollId = :pollId GROUP BY v.option")
@NamedQuery(name = PollVote.BY_VOTER, query = "SELECT COUNT(v) FROM PollVote v WHERE v.pollId = :pollId AND v.voter = :voter")
public class PollVote {

    public static final String COUNTS = "PollVote.counts";
    public static final String BY_VOTER = "PollVote.byVoter";

    @Id
    @SequenceGenerator(name = "poll_votes_seq", sequenceName = "livestream_poll_votes_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "poll_votes_seq")
    @Column(name = "id")
    private Long id;

    @Column(name = "poll_id", nullable = false, length = 36)
    private String pollId;

    @Column(name = "voter", nullable = false, length = 128)
    private String voter;

    @Column(name = "option_index", nullable = false)
    private int option;

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    protected PollVote() {
        // for JPA
    }

    public PollVote(String pollId, String voter, int option, Instant now) {
        this.pollId = pollId;
        this.voter = voter;
        this.option = option;
        this.createdAt = UtcTime.toColumn(now);
    }
}
