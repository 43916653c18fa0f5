package io.relaycast.application.webhooks;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends what the outbox holds, every second: per webhook its oldest pending delivery (so each
 * endpoint gets its events in order), signed per Standard Webhooks, retried with exponential
 * backoff (base × 2^n, at most an hour apart) for {@code webhooks.retry-window-hours}. A 2xx is
 * delivered; anything else, a timeout or a refused target is a failed attempt.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class.getName());

    @Inject
    WebhookLedger ledger;

    @Inject
    WebhookSender sender;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "webhooks.retry-base-seconds", defaultValue = "5")
    int retryBaseSeconds;

    @Inject
    @ConfigProperty(name = "webhooks.retry-window-hours", defaultValue = "24")
    int retryWindowHours;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> poller;

    /** Called once at start-up (see SignalingStartup): pending deliveries of before a restart go out too. */
    public void start() {
        if (poller == null) {
            poller = scheduler.scheduleWithFixedDelay(this::poll, 1, 1, TimeUnit.SECONDS);
        }
    }

    void poll() {
        try {
            // Per webhook one delivery at a time (order); after a success the next one is due at once.
            long until = System.nanoTime() + 5_000_000_000L;
            List<WebhookLedger.Due> due;
            while (System.nanoTime() < until && !(due = ledger.due(clock.instant(), 50)).isEmpty()) {
                due.forEach(this::attempt);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Webhook dispatch failed; retrying in a second", e);
        }
    }

    private void attempt(WebhookLedger.Due d) {
        Instant now = clock.instant();
        long timestamp = now.getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "application/json");
        headers.put("webhook-id", d.messageId());
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put("webhook-signature", WebhookSignature.sign(d.secret(), d.messageId(), timestamp, d.payload()));
        Integer status = null;
        String error;
        try {
            status = sender.post(d.url(), headers, d.payload());
            if (status >= 200 && status < 300) {
                ledger.delivered(d.deliveryId(), status, clock.instant());
                return;
            }
            error = "HTTP " + status;
        } catch (Exception e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        String why = error;
        LOG.fine(() -> "Webhook " + d.messageId() + " to " + d.url() + " failed: " + why);
        ledger.failed(d.deliveryId(), status, error, clock.instant(), Duration.ofSeconds(retryBaseSeconds),
                Duration.ofHours(retryWindowHours));
    }

    @PreDestroy
    void stop() {
        if (poller != null) {
            poller.cancel(false);
        }
    }
}
