package io.relaycast.infrastructure.persistence;

import io.relaycast.domain.model.ChatMessage;
import io.relaycast.domain.model.ChatRepository;
import io.relaycast.domain.model.PageRequest;
import io.relaycast.domain.model.UtcTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Collections;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaChatRepository implements ChatRepository {

    @PersistenceContext(unitName = "relaycast")
    EntityManager em;

    @Override
    public void add(ChatMessage message) {
        em.persist(message);
    }

    @Override
    public List<ChatMessage> findRecent(String streamId, PageRequest page) {
        List<ChatMessage> newestFirst = em.createNamedQuery(ChatMessage.FIND_NEWEST_FIRST, ChatMessage.class)
                .setParameter("streamId", streamId)
                .setFirstResult(page.offset())
                .setMaxResults(page.limit())
                .getResultList();
        List<ChatMessage> chronological = new ArrayList<>(newestFirst);
        Collections.reverse(chronological);
        return chronological;
    }

    @Override
    public long count(String streamId) {
        return em.createNamedQuery(ChatMessage.COUNT, Long.class)
                .setParameter("streamId", streamId)
                .getSingleResult();
    }

    @Override
    public Optional<ChatMessage> find(long messageId) {
        return Optional.ofNullable(em.find(ChatMessage.class, messageId));
    }

    @Override
    public void remove(ChatMessage message) {
        em.remove(message);
    }

    @Override
    public Instant lastPostAt(String streamId, String userId) {
        LocalDateTime last = em.createNamedQuery(ChatMessage.LAST_BY_USER, LocalDateTime.class)
                .setParameter("streamId", streamId)
                .setParameter("userId", userId)
                .getSingleResult();
        return UtcTime.fromColumn(last);
    }
}
