package io.relaycast.infrastructure.persistence;

import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.domain.model.chat.ChatMessage;
import io.relaycast.domain.model.chat.ChatRepository;
import io.relaycast.domain.model.shared.PageRequest;
import io.relaycast.domain.model.shared.UtcTime;
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
    public List<ChatMessage> findRecent(StreamId streamId, PageRequest page) {
        List<ChatMessage> newestFirst = em.createNamedQuery(ChatMessage.FIND_NEWEST_FIRST, ChatMessage.class)
                .setParameter("streamId", streamId.value())
                .setFirstResult(page.offset())
                .setMaxResults(page.limit())
                .getResultList();
        List<ChatMessage> chronological = new ArrayList<>(newestFirst);
        Collections.reverse(chronological);
        return chronological;
    }

    @Override
    public long count(StreamId streamId) {
        return em.createNamedQuery(ChatMessage.COUNT, Long.class)
                .setParameter("streamId", streamId.value())
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
    public Instant lastPostAt(StreamId streamId, String userId) {
        LocalDateTime last = em.createNamedQuery(ChatMessage.LAST_BY_USER, LocalDateTime.class)
                .setParameter("streamId", streamId.value())
                .setParameter("userId", userId)
                .getSingleResult();
        return UtcTime.fromColumn(last);
    }
}
