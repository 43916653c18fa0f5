package io.relaycast.infrastructure.persistence;

import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.domain.model.stream.ActivityRepository;
import io.relaycast.domain.model.chat.ChatMessage;
import io.relaycast.domain.model.stream.LikeRecord;
import io.relaycast.domain.model.viewer.LivestreamViewer;
import io.relaycast.domain.model.shared.UtcTime;
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
    public List<Instant> chatTimes(StreamId streamId) {
        return times(ChatMessage.TIMES, streamId);
    }

    @Override
    public List<Instant> likeTimes(StreamId streamId) {
        return times(LikeRecord.TIMES, streamId);
    }

    @Override
    public long uniqueViewers(StreamId streamId) {
        long signedIn = em.createNamedQuery(LivestreamViewer.UNIQUE_SIGNED_IN, Long.class)
                .setParameter("streamId", streamId.value()).getSingleResult();
        long anonymous = em.createNamedQuery(LivestreamViewer.COUNT_ANONYMOUS, Long.class)
                .setParameter("streamId", streamId.value()).getSingleResult();
        return signedIn + anonymous;
    }

    private List<Instant> times(String query, StreamId streamId) {
        return em.createNamedQuery(query, LocalDateTime.class).setParameter("streamId", streamId.value())
                .getResultStream().map(UtcTime::fromColumn).toList();
    }
}
