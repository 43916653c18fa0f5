package io.relaycast.application.webhooks;

import io.relaycast.domain.model.stream.StreamId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.relaycast.domain.model.shared.InvalidInputException;
import io.relaycast.domain.model.webhook.Webhook;
import io.relaycast.domain.model.webhook.WebhookDelivery;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookRulesTest {

    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");

    @Test
    void signaturesMatchTheStandardWebhooksTestVector() {
        // from the Standard Webhooks reference libraries' tests
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", WebhookSignature.sign(
                "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330,
                "{\"test\": 2432232314}"));
    }

    @Test
    void retriesBackOffExponentiallyAtMostAnHourApartThenGiveUp() {
        WebhookDelivery d = new WebhookDelivery("msg_1", "w", "stream.started", StreamId.of("s"), "{}", T0);
        Instant now = T0;
        Duration base = Duration.ofSeconds(5);
        Duration window = Duration.ofHours(24);
        List<Long> waits = new java.util.ArrayList<>();
        while (WebhookDelivery.PENDING.equals(d.getStatus())) {
            d.failed(500, "HTTP 500", now, base, window);
            if (!WebhookDelivery.PENDING.equals(d.getStatus())) {
                break;
            }
            waits.add(Duration.between(now, d.getNextAttemptAt()).toSeconds());
            now = d.getNextAttemptAt();
        }
        assertEquals(List.of(5L, 10L, 20L, 40L, 80L), waits.subList(0, 5));
        assertTrue(waits.stream().allMatch(w -> w <= 3600), waits.toString());
        assertEquals(WebhookDelivery.FAILED, d.getStatus());
        assertTrue(Duration.between(T0, now).toHours() >= 22, "retried for about a day: " + now);
        assertEquals(500, d.getLastStatusCode());
    }

    @Test
    void registrationChecksEventsAndUrlAndMakesASecret() {
        Webhook w = Webhook.register("alice", "https://hooks.example.com/x", List.of("stream.started", "stream.started"),
                false, T0);
        assertEquals(List.of("stream.started"), w.getEvents());
        assertTrue(w.getSecret().matches("whsec_[A-Za-z0-9+/=]{32}"), w.getSecret());
        assertTrue(w.subscribes("stream.started") && !w.subscribes("stream.ended"));
        assertThrows(InvalidInputException.class, () -> Webhook.register("a", "https://x.example", List.of("nope"), false, T0));
        assertThrows(InvalidInputException.class, () -> Webhook.register("a", "https://x.example", List.of(), false, T0));
        assertThrows(InvalidInputException.class, () -> Webhook.register("a", "file:///etc/passwd",
                List.of("stream.started"), false, T0));
    }
}
