package io.relaycast.application.webhooks;

import io.relaycast.domain.model.webhook.WebhookDelivery;
import io.relaycast.domain.model.webhook.WebhookRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The dispatcher's transactions: what is due, and how an attempt went. */
@Stateless
public class WebhookLedger {

    /** A delivery to make, copied out of its transaction. */
    public record Due(long deliveryId, String messageId, String url, String secret, String payload) {
    }

    @Inject
    WebhookRepository webhooks;

    public List<Due> due(Instant now, int max) {
        return webhooks.due(now, max).stream().flatMap(d -> webhooks.find(d.getWebhookId()).stream()
                .map(w -> new Due(d.getId(), d.getMessageId(), w.getUrl(), w.getSecret(), d.getPayload()))).toList();
    }

    public void delivered(long deliveryId, int status, Instant now) {
        webhooks.findDelivery(deliveryId).ifPresent(d -> d.delivered(status, now));
    }

    public void failed(long deliveryId, Integer status, String error, Instant now, Duration base, Duration window) {
        webhooks.findDelivery(deliveryId).ifPresent(d -> d.failed(status, error, now, base, window));
    }
}
