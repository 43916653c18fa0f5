package io.relaycast.infrastructure.persistence;

import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.domain.model.stream.StreamTag;
import io.relaycast.domain.model.stream.StreamTagRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@ApplicationScoped
public class JpaStreamTagRepository implements StreamTagRepository {

    @PersistenceContext(unitName = "relaycast")
    EntityManager em;

    @Override
    public void replace(StreamId streamId, List<String> tags) {
        em.createNamedQuery("StreamTag.deleteOfStream").setParameter("id", streamId.value()).executeUpdate();
        for (int i = 0; i < tags.size(); i++) {
            em.persist(new StreamTag(streamId, tags.get(i), i));
        }
    }

    @Override
    public Map<StreamId, List<String>> of(Collection<StreamId> streamIds) {
        Map<StreamId, List<String>> out = new LinkedHashMap<>();
        if (streamIds.isEmpty()) {
            return out;
        }
        em.createNamedQuery("StreamTag.ofStreams", StreamTag.class).setParameter("ids", StreamIds.values(streamIds))
                .getResultList().forEach(t -> out.computeIfAbsent(t.streamId(), k -> new ArrayList<>()).add(t.tag()));
        return out;
    }
}
