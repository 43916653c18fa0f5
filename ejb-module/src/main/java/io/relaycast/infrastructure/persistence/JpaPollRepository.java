package io.relaycast.infrastructure.persistence;

import io.relaycast.domain.model.poll.Poll;
import io.relaycast.domain.model.poll.PollRepository;
import io.relaycast.domain.model.poll.PollVote;
import io.relaycast.domain.model.stream.StreamId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaPollRepository implements PollRepository {

    @PersistenceContext(unitName = "relaycast")
    EntityManager em;

    @Override
    public void add(Poll poll) {
        em.persist(poll);
    }

    @Override
    public Optional<Poll> find(String pollId) {
        return Optional.ofNullable(em.find(Poll.class, pollId));
    }

    @Override
    public Optional<Poll> findForUpdate(String pollId) {
        return Optional.ofNullable(em.find(Poll.class, pollId, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public List<Poll> ofStream(StreamId streamId) {
        return em.createNamedQuery(Poll.OF_STREAM, Poll.class).setParameter("streamId", streamId.value()).getResultList();
    }

    /** The unique index (poll, voter) decides between two votes at once: the second one's insert fails. */
    @Override
    public boolean vote(PollVote vote) {
        try {
            em.persist(vote);
            em.flush();
            return true;
        } catch (PersistenceException duplicate) {
            return false;
        }
    }

    @Override
    public boolean hasVoted(String pollId, String voter) {
        return em.createNamedQuery(PollVote.BY_VOTER, Long.class).setParameter("pollId", pollId)
                .setParameter("voter", voter).getSingleResult() > 0;
    }

    @Override
    public int[] counts(String pollId, int options) {
        int[] counts = new int[options];
        for (Object[] row : em.createNamedQuery(PollVote.COUNTS, Object[].class).setParameter("pollId", pollId)
                .getResultList()) {
            int option = ((Number) row[0]).intValue();
            if (option >= 0 && option < options) {
                counts[option] = ((Number) row[1]).intValue();
            }
        }
        return counts;
    }
}
