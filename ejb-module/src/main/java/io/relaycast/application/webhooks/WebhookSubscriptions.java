package io.relaycast.application.webhooks;

import io.relaycast.domain.model.webhook.WebhookRepository;
import io.relaycast.application.events.WebhooksChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who listens to a stream owner's events, read at most every few seconds per owner: a chat storm
 * must not cost a webhook query per message. Registering or removing a webhook on this server clears
 * it once committed; another server's change is seen within the TTL.
 */
@ApplicationScoped
public class WebhookSubscriptions {

    private static final long TTL_NANOS = 5_000_000_000L;

    private record Entry(List<Subscriber> subscribers, long at) {
    }

    /** What enqueuing needs of a webhook (no entity: shared between transactions). */
    public record Subscriber(String webhookId, List<String> events) {
        boolean wants(String event) {
            return events.contains(event);
        }
    }

    private final Map<String, Entry> byOwner = new ConcurrentHashMap<>();

    @Inject
    WebhookRepository webhooks;

    public List<Subscriber> of(String streamOwnerId) {
        long now = System.nanoTime();
        Entry e = byOwner.get(streamOwnerId);
        if (e == null || now - e.at() >= TTL_NANOS) {
            List<Subscriber> list = webhooks.listeningTo(streamOwnerId).stream()
                    .map(w -> new Subscriber(w.getId(), w.getEvents())).toList();
            if (byOwner.size() > 10_000) {
                byOwner.clear();
            }
            e = new Entry(list, now);
            byOwner.put(streamOwnerId, e);
        }
        return e.subscribers();
    }

    /** After the change is committed: cleared before, a concurrent reader could cache the old list again. */
    void changed(@Observes(during = TransactionPhase.AFTER_COMPLETION) WebhooksChanged e) {
        byOwner.clear();
    }
}
