package io.relaycast.infrastructure.persistence;

import io.relaycast.domain.model.reaction.ReactionCount;
import io.relaycast.domain.model.reaction.ReactionRepository;
import io.relaycast.domain.model.stream.StreamId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

@ApplicationScoped
public class JpaReactionRepository implements ReactionRepository {

    @PersistenceContext(unitName = "relaycast")
    EntityManager em;

    @Override
    public void add(List<ReactionCount> counts) {
        counts.forEach(em::persist);
    }

    @Override
    public List<ReactionCount> of(StreamId streamId) {
        return em.createNamedQuery(ReactionCount.OF_STREAM, ReactionCount.class)
                .setParameter("streamId", streamId.value()).getResultList();
    }
}
