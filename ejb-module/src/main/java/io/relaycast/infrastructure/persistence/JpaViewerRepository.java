package io.relaycast.infrastructure.persistence;

import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.domain.model.viewer.Attendance;
import io.relaycast.domain.model.viewer.LivestreamViewer;
import io.relaycast.domain.model.shared.UtcTime;
import io.relaycast.domain.model.viewer.ViewerRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
public class JpaViewerRepository implements ViewerRepository {

    @PersistenceContext(unitName = "relaycast")
    EntityManager em;

    @Override
    public void add(LivestreamViewer viewer) {
        em.persist(viewer);
    }

    @Override
    public Optional<LivestreamViewer> find(String viewerId) {
        return Optional.ofNullable(viewerId).map(id -> em.find(LivestreamViewer.class, id));
    }

    @Override
    public long countOpen(StreamId streamId) {
        return em.createNamedQuery(LivestreamViewer.COUNT_OPEN, Long.class)
                .setParameter("streamId", streamId.value())
                .getSingleResult();
    }

    @Override
    public Map<StreamId, Long> countOpen(Collection<StreamId> streamIds) {
        Map<StreamId, Long> counts = new HashMap<>();
        if (streamIds.isEmpty()) {
            return counts;
        }
        List<Object[]> rows = em.createNamedQuery(LivestreamViewer.COUNT_OPEN_BY_STREAMS, Object[].class)
                .setParameter("streamIds", StreamIds.values(streamIds))
                .getResultList();
        for (Object[] row : rows) {
            counts.put(StreamId.of((String) row[0]), ((Number) row[1]).longValue());
        }
        return counts;
    }

    @Override
    public long countAll(StreamId streamId) {
        return em.createNamedQuery(LivestreamViewer.COUNT_ALL, Long.class)
                .setParameter("streamId", streamId.value())
                .getSingleResult();
    }

    @Override
    public int closeOpen(StreamId streamId, Instant now) {
        return em.createNamedQuery(LivestreamViewer.CLOSE_OPEN)
                .setParameter("streamId", streamId.value())
                .setParameter("now", UtcTime.toColumn(now))
                .executeUpdate();
    }

    @Override
    public int closeAllOpen(Instant now) {
        return em.createNamedQuery(LivestreamViewer.CLOSE_ALL_OPEN)
                .setParameter("now", UtcTime.toColumn(now))
                .executeUpdate();
    }

    @Override
    public List<WatchInterval> watchIntervals(StreamId streamId) {
        return em.createNamedQuery(LivestreamViewer.WATCH_INTERVALS, Object[].class)
                .setParameter("streamId", streamId.value())
                .getResultList().stream()
                .map(r -> new WatchInterval(UtcTime.fromColumn((LocalDateTime) r[0]),
                        UtcTime.fromColumn((LocalDateTime) r[1])))
                .toList();
    }

    @Override
    public List<Attendance.Session> signedInSessions(StreamId streamId) {
        return em.createNamedQuery(LivestreamViewer.SIGNED_IN_SESSIONS, Object[].class)
                .setParameter("streamId", streamId.value())
                .getResultList().stream()
                .map(r -> new Attendance.Session((String) r[0], UtcTime.fromColumn((LocalDateTime) r[1]),
                        r[2] == null ? null : UtcTime.fromColumn((LocalDateTime) r[2])))
                .toList();
    }
}
