package io.relaycast.domain.model.webhook;

import io.relaycast.domain.model.stream.StreamId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface WebhookRepository {

    void add(Webhook webhook);

    Optional<Webhook> find(String id);

    List<Webhook> byOwner(String ownerId);

    List<Webhook> serverWide();

    /** The owner's webhooks and every server-wide one. */
    List<Webhook> listeningTo(String streamOwnerId);

    /** Removes it and its deliveries. */
    void remove(Webhook webhook);

    void addDelivery(WebhookDelivery delivery);

    Optional<WebhookDelivery> findDelivery(long id);

    /** Per webhook its oldest pending delivery, if that one is due: deliveries keep their order. */
    List<WebhookDelivery> due(Instant now, int max);

    List<WebhookDelivery> recent(String webhookId, int max);

    Optional<WebhookDelivery> unsentPeak(String webhookId, StreamId streamId);
}
