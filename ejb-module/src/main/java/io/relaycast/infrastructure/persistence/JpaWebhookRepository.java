package io.relaycast.infrastructure.persistence;

import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.domain.model.shared.UtcTime;
import io.relaycast.domain.model.webhook.Webhook;
import io.relaycast.domain.model.webhook.WebhookDelivery;
import io.relaycast.domain.model.webhook.WebhookRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaWebhookRepository implements WebhookRepository {

    @PersistenceContext(unitName = "relaycast")
    EntityManager em;

    @Override
    public void add(Webhook webhook) {
        em.persist(webhook);
    }

    @Override
    public Optional<Webhook> find(String id) {
        return Optional.ofNullable(id).map(x -> em.find(Webhook.class, x));
    }

    @Override
    public List<Webhook> byOwner(String ownerId) {
        return em.createNamedQuery(Webhook.BY_OWNER, Webhook.class).setParameter("ownerId", ownerId).getResultList();
    }

    @Override
    public List<Webhook> serverWide() {
        return em.createNamedQuery(Webhook.SERVER_WIDE, Webhook.class).getResultList();
    }

    @Override
    public List<Webhook> listeningTo(String streamOwnerId) {
        return em.createNamedQuery(Webhook.FOR_STREAM_OWNER, Webhook.class)
                .setParameter("ownerId", streamOwnerId).getResultList();
    }

    @Override
    public void remove(Webhook webhook) {
        em.createNamedQuery(WebhookDelivery.DELETE_FOR).setParameter("webhookId", webhook.getId()).executeUpdate();
        em.remove(webhook);
    }

    @Override
    public void addDelivery(WebhookDelivery delivery) {
        em.persist(delivery);
    }

    @Override
    public Optional<WebhookDelivery> findDelivery(long id) {
        return Optional.ofNullable(em.find(WebhookDelivery.class, id));
    }

    @Override
    public List<WebhookDelivery> due(Instant now, int max) {
        return em.createNamedQuery(WebhookDelivery.DUE, WebhookDelivery.class)
                .setParameter("now", UtcTime.toColumn(now)).setMaxResults(max).getResultList();
    }

    @Override
    public List<WebhookDelivery> recent(String webhookId, int max) {
        return em.createNamedQuery(WebhookDelivery.RECENT, WebhookDelivery.class)
                .setParameter("webhookId", webhookId).setMaxResults(max).getResultList();
    }

    @Override
    public Optional<WebhookDelivery> unsentPeak(String webhookId, StreamId streamId) {
        return em.createNamedQuery(WebhookDelivery.UNSENT_PEAK, WebhookDelivery.class)
                .setParameter("webhookId", webhookId).setParameter("streamId", streamId.value())
                .getResultStream().findFirst();
    }
}
