package io.relaycast.application.webhooks;

import io.relaycast.application.access.Actor;
import io.relaycast.domain.model.webhook.Webhook;
import io.relaycast.domain.model.webhook.WebhookDelivery;
import java.util.List;

/** Registering webhooks: broadcasters for their own streams, admins also server-wide. */
public interface WebhookService {

    Webhook register(String url, List<String> events, boolean serverWide, Actor by);

    /** The caller's own webhooks, and for admins the server-wide ones too. */
    List<Webhook> list(Actor by);

    void remove(String webhookId, Actor by);

    /** Recent deliveries, newest first. */
    List<WebhookDelivery> deliveries(String webhookId, Actor by, int max);
}
