package io.relaycast.domain.model.question;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** One person's upvote of a question (one per question and voter: a unique index). */
@Entity
@Table(name = "livestream_question_votes")
@NamedQuery(name = QuestionVote.COUNTS, query = "SELECT v.questionId, COUNT(v) FROM QuestionVote v, Question q "
        + "WHERE v.questionId = q.id AND q.streamId = :streamId GROUP BY v.questionId")
@NamedQuery(name = QuestionVote.MINE, query = "SELECT v FROM QuestionVote v WHERE v.questionId = :questionId AND v.voter = :voter")
@NamedQuery(name = QuestionVote.COUNT_ONE, query = "SELECT COUNT(v) FROM QuestionVote v WHERE v.questionId = :questionId")
public class QuestionVote {

    public static final String COUNTS = "QuestionVote.counts";
    public static final String MINE = "QuestionVote.mine";
    public static final String COUNT_ONE = "QuestionVote.countOne";

    @Id
    @SequenceGenerator(name = "question_votes_seq", sequenceName = "livestream_question_votes_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "question_votes_seq")
    @Column(name = "id")
    private Long id;

    @Column(name = "question_id", nullable = false, length = 36)
    private String questionId;

    @Column(name = "voter", nullable = false, length = 128)
    private String voter;

    protected QuestionVote() {
        // for JPA
    }

    public QuestionVote(String questionId, String voter) {
        this.questionId = questionId;
        this.voter = voter;
    }
}
