package io.relaycast.application.webhooks;

import io.relaycast.application.access.Actor;
import io.relaycast.domain.model.shared.ActionForbiddenException;
import io.relaycast.domain.model.shared.InvalidInputException;
import io.relaycast.domain.model.stream.StreamNotFoundException;
import io.relaycast.domain.model.webhook.Webhook;
import io.relaycast.domain.model.webhook.WebhookDelivery;
import io.relaycast.domain.model.webhook.WebhookRepository;
import io.relaycast.application.events.WebhooksChanged;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

@Stateless
public class DefaultWebhookService implements WebhookService {

    @Inject
    WebhookRepository webhooks;

    @Inject
    WebhookTargets targets;

    @Inject
    Event<Object> changes;

    @Inject
    Clock clock;

    @Override
    public Webhook register(String url, List<String> events, boolean serverWide, Actor by) {
        if (serverWide && !by.admin()) {
            throw new ActionForbiddenException("Server-wide webhooks need the 'admin' role.");
        }
        Webhook w = Webhook.register(by.userId(), url, events, serverWide, clock.instant());
        targets.requireAllowed(w.getUrl());
        if (webhooks.byOwner(by.userId()).size() >= Webhook.MAX_PER_OWNER) {
            throw new InvalidInputException("At most " + Webhook.MAX_PER_OWNER + " webhooks per user.");
        }
        webhooks.add(w);
        changes.fire(new WebhooksChanged());
        return w;
    }

    @Override
    public List<Webhook> list(Actor by) {
        List<Webhook> result = new ArrayList<>(webhooks.byOwner(by.userId()));
        if (by.admin()) {
            webhooks.serverWide().stream().filter(w -> !w.getOwnerId().equals(by.userId())).forEach(result::add);
        }
        return result;
    }

    @Override
    public void remove(String webhookId, Actor by) {
        webhooks.remove(owned(webhookId, by));
        changes.fire(new WebhooksChanged());
    }

    @Override
    public List<WebhookDelivery> deliveries(String webhookId, Actor by, int max) {
        return webhooks.recent(owned(webhookId, by).getId(), max);
    }

    /** Someone else's webhook is reported as unknown: ids are not to be probed. */
    private Webhook owned(String webhookId, Actor by) {
        return webhooks.find(webhookId)
                .filter(w -> w.getOwnerId().equals(by.userId()) || (w.isServerWide() && by.admin()))
                .orElseThrow(() -> new StreamNotFoundException("No webhook '" + webhookId + "'."));
    }
}
