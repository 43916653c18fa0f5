package io.relaycast.infrastructure.persistence;

import io.relaycast.domain.model.ActivityRepository;
import io.relaycast.domain.model.ChatMessage;
import io.relaycast.domain.model.LikeRecord;
import io.relaycast.domain.model.LivestreamViewer;
import io.relaycast.domain.model.UtcTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

@ApplicationScoped
public class JpaActivityRepository implements ActivityRepository {

    @PersistenceContext(unitName = "relaycast")
    EntityManager em;

    @Override
    public void addLike(LikeRecord like) {
        em.persist(like);
    }

    @Override
    public List<Instant> chatTimes(String streamId) {
        return times(ChatMessage.TIMES, streamId);
    }

    @Override
    public List<Instant> likeTimes(String streamId) {
        return times(LikeRecord.TIMES, streamId);
    }

    @Override
    public long uniqueViewers(String streamId) {
        long signedIn = em.createNamedQuery(LivestreamViewer.UNIQUE_SIGNED_IN, Long.class)
                .setParameter("streamId", streamId).getSingleResult();
        long anonymous = em.createNamedQuery(LivestreamViewer.COUNT_ANONYMOUS, Long.class)
                .setParameter("streamId", streamId).getSingleResult();
        return signedIn + anonymous;
    }

    private List<Instant> times(String query, String streamId) {
        return em.createNamedQuery(query, LocalDateTime.class).setParameter("streamId", streamId)
                .getResultStream().map(UtcTime::fromColumn).toList();
    }
}
