package io.relaycast.infrastructure.persistence;

import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.domain.model.moderation.ChatBan;
import io.relaycast.domain.model.chat.ChatSettings;
import io.relaycast.domain.model.moderation.ModerationRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaModerationRepository implements ModerationRepository {

    @PersistenceContext(unitName = "relaycast")
    EntityManager em;

    @Override
    public Optional<ChatBan> findBan(StreamId streamId, String userId) {
        return em.createNamedQuery(ChatBan.FIND, ChatBan.class)
                .setParameter("streamId", streamId.value())
                .setParameter("userId", userId)
                .getResultStream().findFirst();
    }

    @Override
    public List<ChatBan> bans(StreamId streamId) {
        return em.createNamedQuery(ChatBan.LIST, ChatBan.class).setParameter("streamId", streamId.value()).getResultList();
    }

    @Override
    public void addBan(ChatBan ban) {
        em.persist(ban);
    }

    @Override
    public void removeBan(ChatBan ban) {
        em.remove(ban);
    }

    @Override
    public Optional<ChatSettings> findSettings(StreamId streamId) {
        return Optional.ofNullable(em.find(ChatSettings.class, streamId.value()));
    }

    @Override
    public void addSettings(ChatSettings settings) {
        em.persist(settings);
    }
}
