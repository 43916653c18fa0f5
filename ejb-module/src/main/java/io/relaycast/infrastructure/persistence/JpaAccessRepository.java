package io.relaycast.infrastructure.persistence;

import io.relaycast.domain.model.access.AccessRepository;
import io.relaycast.domain.model.access.Invite;
import io.relaycast.domain.model.access.InviteUse;
import io.relaycast.domain.model.access.StreamAccess;
import io.relaycast.domain.model.stream.StreamId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

@ApplicationScoped
public class JpaAccessRepository implements AccessRepository {

    @PersistenceContext(unitName = "relaycast")
    EntityManager em;

    @Override
    public Optional<StreamAccess> find(StreamId streamId) {
        return Optional.ofNullable(em.find(StreamAccess.class, streamId.value()));
    }

    @Override
    public Map<StreamId, StreamAccess> findAll(Collection<StreamId> streamIds) {
        if (streamIds.isEmpty()) {
            return Map.of();
        }
        return em.createNamedQuery(StreamAccess.OF_STREAMS, StreamAccess.class)
                .setParameter("ids", streamIds.stream().map(StreamId::value).toList()).getResultList().stream()
                .collect(Collectors.toMap(StreamAccess::streamId, Function.identity()));
    }

    @Override
    public void save(StreamAccess access) {
        if (em.find(StreamAccess.class, access.streamId().value()) == null) {
            // the stream created in this transaction goes first: EclipseLink knows no relation between
            // the two entities to order the inserts by, and the row refers to the stream's
            em.flush();
            em.persist(access);
        }
    }

    @Override
    public void add(Invite invite) {
        em.persist(invite);
    }

    @Override
    public Optional<Invite> findInvite(String inviteId) {
        return Optional.ofNullable(inviteId).map(id -> em.find(Invite.class, id));
    }

    @Override
    public Optional<Invite> findInviteForUpdate(String inviteId) {
        return Optional.ofNullable(inviteId).map(id -> em.find(Invite.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public List<Invite> invites(StreamId streamId) {
        return em.createNamedQuery(Invite.OF_STREAM, Invite.class).setParameter("streamId", streamId.value())
                .getResultList();
    }

    @Override
    public boolean used(String useId) {
        return em.find(InviteUse.class, useId) != null;
    }

    @Override
    public void addUse(InviteUse use) {
        em.persist(use);
    }
}
