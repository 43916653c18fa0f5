package io.relaycast.infrastructure.persistence;

import io.relaycast.domain.model.question.QaSettings;
import io.relaycast.domain.model.question.Question;
import io.relaycast.domain.model.question.QuestionRepository;
import io.relaycast.domain.model.question.QuestionVote;
import io.relaycast.domain.model.stream.StreamId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
public class JpaQuestionRepository implements QuestionRepository {

    @PersistenceContext(unitName = "relaycast")
    EntityManager em;

    @Override
    public void add(Question question) {
        em.persist(question);
    }

    @Override
    public Optional<Question> find(String questionId) {
        return Optional.ofNullable(em.find(Question.class, questionId));
    }

    @Override
    public List<Question> ofStream(StreamId streamId) {
        return em.createNamedQuery(Question.OF_STREAM, Question.class).setParameter("streamId", streamId.value())
                .getResultList();
    }

    @Override
    public Map<String, Integer> votes(StreamId streamId) {
        Map<String, Integer> votes = new HashMap<>();
        for (Object[] row : em.createNamedQuery(QuestionVote.COUNTS, Object[].class)
                .setParameter("streamId", streamId.value()).getResultList()) {
            votes.put((String) row[0], ((Number) row[1]).intValue());
        }
        return votes;
    }

    @Override
    public int votes(String questionId) {
        return em.createNamedQuery(QuestionVote.COUNT_ONE, Long.class).setParameter("questionId", questionId)
                .getSingleResult().intValue();
    }

    /** The unique index (question, voter) keeps two upvotes sent at once to one. */
    @Override
    public boolean toggleVote(String questionId, String voter) {
        List<QuestionVote> mine = em.createNamedQuery(QuestionVote.MINE, QuestionVote.class)
                .setParameter("questionId", questionId).setParameter("voter", voter).getResultList();
        if (!mine.isEmpty()) {
            mine.forEach(em::remove);
            return false;
        }
        try {
            em.persist(new QuestionVote(questionId, voter));
            em.flush();
        } catch (PersistenceException concurrentTwin) {
            // the same person's other upvote got there first: it stands
        }
        return true;
    }

    @Override
    public Optional<QaSettings> settings(StreamId streamId) {
        return Optional.ofNullable(em.find(QaSettings.class, streamId.value()));
    }

    @Override
    public void addSettings(QaSettings settings) {
        em.persist(settings);
    }
}
