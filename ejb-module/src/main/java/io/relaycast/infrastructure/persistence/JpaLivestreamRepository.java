package io.relaycast.infrastructure.persistence;

import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.domain.model.stream.Livestream;
import io.relaycast.domain.model.stream.LivestreamRepository;
import io.relaycast.domain.model.shared.PageRequest;
import io.relaycast.domain.model.stream.StreamStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaLivestreamRepository implements LivestreamRepository {

    @PersistenceContext(unitName = "relaycast")
    EntityManager em;

    @Override
    public void add(Livestream stream) {
        em.persist(stream);
    }

    @Override
    public Optional<Livestream> find(StreamId streamId) {
        return Optional.ofNullable(streamId).map(id -> em.find(Livestream.class, id.value()));
    }

    @Override
    public Optional<Livestream> findForUpdate(StreamId streamId) {
        return Optional.ofNullable(streamId).map(id -> em.find(Livestream.class, id.value(), LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public List<Livestream> findForUpdate(Collection<StreamId> streamIds) {
        return streamIds.isEmpty() ? List.of() : em.createNamedQuery(LivestreamQueries.FIND_BY_IDS_FOR_UPDATE, Livestream.class)
                .setParameter("ids", StreamIds.values(streamIds))
                .getResultList();
    }

    @Override
    public List<Livestream> findByStatus(StreamStatus status, String tag, PageRequest page) {
        return page(tagged(LivestreamQueries.FIND_BY_STATUS, LivestreamQueries.FIND_BY_STATUS_AND_TAG, tag)
                .setParameter("status", status), page);
    }

    @Override
    public List<Livestream> findByIds(Collection<StreamId> streamIds) {
        return streamIds.isEmpty() ? List.of() : em.createNamedQuery(LivestreamQueries.FIND_BY_IDS, Livestream.class)
                .setParameter("ids", StreamIds.values(streamIds))
                .getResultList();
    }

    @Override
    public Optional<StreamId> findIdByStreamKey(String streamKey) {
        return em.createNamedQuery(LivestreamQueries.FIND_ID_BY_STREAM_KEY, String.class).setParameter("key", streamKey)
                .getResultStream().findFirst().map(StreamId::of);
    }

    @Override
    public List<StreamId> findIdsByStatus(StreamStatus status) {
        return em.createNamedQuery(LivestreamQueries.FIND_IDS_BY_STATUS, String.class)
                .setParameter("status", status)
                .getResultList().stream().map(StreamId::of).toList();
    }

    @Override
    public List<Livestream> findUpcoming(String tag, PageRequest page) {
        return page(tagged(LivestreamQueries.FIND_UPCOMING, LivestreamQueries.FIND_UPCOMING_BY_TAG, tag)
                .setParameter("status", StreamStatus.SCHEDULED), page);
    }

    @Override
    public List<Livestream> findRecordings(String tag, PageRequest page) {
        return page(tagged(LivestreamQueries.FIND_RECORDINGS, LivestreamQueries.FIND_RECORDINGS_BY_TAG, tag)
                .setParameter("status", StreamStatus.ENDED), page);
    }

    /** The listing's query, or its variant joined to the tags when a tag is asked for. */
    private TypedQuery<Livestream> tagged(String query, String byTag, String tag) {
        return tag == null ? em.createNamedQuery(query, Livestream.class)
                : em.createNamedQuery(byTag, Livestream.class).setParameter("tag", tag);
    }

    private static List<Livestream> page(TypedQuery<Livestream> query, PageRequest page) {
        return query.setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList();
    }

    @Override
    public long countByOwner(String userId, StreamStatus status) {
        return em.createNamedQuery(LivestreamQueries.COUNT_BY_OWNER_AND_STATUS, Long.class)
                .setParameter("userId", userId).setParameter("status", status).getSingleResult();
    }

    @Override
    public List<Livestream> findByOwner(String userId, PageRequest page) {
        return em.createNamedQuery(LivestreamQueries.FIND_BY_OWNER, Livestream.class)
                .setParameter("userId", userId)
                .setParameter("cancelled", StreamStatus.CANCELLED)
                .setFirstResult(page.offset())
                .setMaxResults(page.limit())
                .getResultList();
    }
}
