package io.relaycast.infrastructure.persistence;

import io.relaycast.domain.model.caption.CaptionLine;
import io.relaycast.domain.model.caption.CaptionRepository;
import io.relaycast.domain.model.caption.Captioners;
import io.relaycast.domain.model.stream.StreamId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Set;

@ApplicationScoped
public class JpaCaptionRepository implements CaptionRepository {

    @PersistenceContext(unitName = "relaycast")
    EntityManager em;

    @Override
    public void add(CaptionLine line) {
        em.persist(line);
    }

    @Override
    public List<CaptionLine> ofStream(StreamId streamId) {
        return em.createNamedQuery(CaptionLine.OF_STREAM, CaptionLine.class).setParameter("streamId", streamId.value())
                .getResultList();
    }

    @Override
    public Set<String> captioners(StreamId streamId) {
        Captioners c = em.find(Captioners.class, streamId.value());
        return c == null ? Set.of() : c.users();
    }

    @Override
    public void setCaptioners(StreamId streamId, Set<String> users) {
        Captioners c = em.find(Captioners.class, streamId.value());
        if (c == null) {
            c = new Captioners(streamId);
            em.persist(c);
        }
        c.users(users);
    }
}
