package io.relaycast.infrastructure.persistence;

import io.relaycast.domain.model.ChatBan;
import io.relaycast.domain.model.ChatSettings;
import io.relaycast.domain.model.ModerationRepository;
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
    public Optional<ChatBan> findBan(String streamId, String userId) {
        return em.createNamedQuery(ChatBan.FIND, ChatBan.class)
                .setParameter("streamId", streamId)
                .setParameter("userId", userId)
                .getResultStream().findFirst();
    }

    @Override
    public List<ChatBan> bans(String streamId) {
        return em.createNamedQuery(ChatBan.LIST, ChatBan.class).setParameter("streamId", streamId).getResultList();
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
    public Optional<ChatSettings> findSettings(String streamId) {
        return Optional.ofNullable(em.find(ChatSettings.class, streamId));
    }

    @Override
    public void addSettings(ChatSettings settings) {
        em.persist(settings);
    }
}
