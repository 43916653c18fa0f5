package io.relaycast.infrastructure.persistence;

import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.domain.model.pin.PinRepository;
import io.relaycast.domain.model.pin.PinnedItem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaPinRepository implements PinRepository {

    @PersistenceContext(unitName = "relaycast")
    EntityManager em;

    @Override
    public void add(PinnedItem pin) {
        em.persist(pin);
    }

    @Override
    public Optional<PinnedItem> find(String pinId) {
        return Optional.ofNullable(pinId).map(id -> em.find(PinnedItem.class, id));
    }

    @Override
    public List<PinnedItem> list(StreamId streamId) {
        return em.createNamedQuery(PinnedItem.LIST, PinnedItem.class).setParameter("streamId", streamId.value()).getResultList();
    }

    @Override
    public void remove(PinnedItem pin) {
        em.remove(pin);
    }
}
