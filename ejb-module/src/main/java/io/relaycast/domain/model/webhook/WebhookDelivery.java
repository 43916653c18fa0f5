package io.relaycast.domain.model.webhook;

import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.domain.model.shared.UtcTime;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;

/**
 * One event for one webhook, kept until delivered or given up: written in the transaction of the
 * change it reports (nothing committed goes unreported, a restart loses nothing), sent later by the
 * dispatcher, oldest first per webhook.
 */
@Entity
@Table(name = "webhook_deliveries")
@NamedQuery(name = WebhookDelivery.DUE, query = "SELECT d FROM WebhookDelivery d WHERE d.status = 'pending'"
        + " AND d.nextAttemptAt <= :now AND d.id = (SELECT MIN(e.id) FROM WebhookDelivery e"
        + " WHERE e.webhookId = d.webhookId AND e.status = 'pending') ORDER BY d.id")
@NamedQuery(name = WebhookDelivery.RECENT, query = "SELECT d FROM WebhookDelivery d WHERE d.webhookId = :webhookId"
        + " ORDER BY d.id DESC")
@NamedQuery(name = WebhookDelivery.UNSENT_PEAK, query = "SELECT d FROM WebhookDelivery d WHERE d.webhookId = :webhookId"
        + " AND d.streamId = :streamId AND d.eventType = 'viewer.peak' AND d.status = 'pending' AND d.attempts = 0")
@NamedQuery(name = WebhookDelivery.DELETE_FOR, query = "DELETE FROM WebhookDelivery d WHERE d.webhookId = :webhookId")
public class WebhookDelivery {

    public static final String DUE = "WebhookDelivery.due";
    public static final String RECENT = "WebhookDelivery.recent";
    public static final String UNSENT_PEAK = "WebhookDelivery.unsentPeak";
    public static final String DELETE_FOR = "WebhookDelivery.deleteFor";
    public static final String PENDING = "pending";
    public static final String DELIVERED = "delivered";
    public static final String FAILED = "failed";

    @Id
    @SequenceGenerator(name = "deliveries_seq", sequenceName = "webhook_deliveries_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "deliveries_seq")
    @Column(name = "id")
    private Long id;

    @Column(name = "message_id", nullable = false, length = 40)
    private String messageId;

    @Column(name = "webhook_id", nullable = false, length = 36)
    private String webhookId;

    @Column(name = "event_type", nullable = false, length = 32)
    private String eventType;

    @Column(name = "stream_id", length = 36)
    private String streamId;

    @Column(name = "payload", nullable = false, length = 8000)
    private String payload;

    @Column(name = "status", nullable = false, length = 16)
    private String status;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private LocalDateTime nextAttemptAt;

    @Column(name = "last_attempt_at")
    private LocalDateTime lastAttemptAt;

    @Column(name = "last_status_code")
    private Integer lastStatusCode;

    @Column(name = "last_error", length = 500)
    private String lastError;

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    protected WebhookDelivery() {
        // for JPA
    }

    public WebhookDelivery(String messageId, String webhookId, String eventType, StreamId streamId, String payload,
                           Instant now) {
        this.messageId = messageId;
        this.webhookId = webhookId;
        this.eventType = eventType;
        this.streamId = streamId.value();
        this.payload = payload;
        this.status = PENDING;
        this.nextAttemptAt = UtcTime.toColumn(now);
        this.createdAt = UtcTime.toColumn(now);
    }

    /** A newer peak replaces one not yet sent: a join storm is one webhook, not a thousand. */
    public void replacePayload(String payload) {
        this.payload = payload;
    }

    public void delivered(int statusCode, Instant now) {
        attempts++;
        lastAttemptAt = UtcTime.toColumn(now);
        lastStatusCode = statusCode;
        lastError = null;
        status = DELIVERED;
    }

    /**
     * A failed attempt: retried after {@code base × 2^(attempts−1)} (at most an hour apart) until
     * {@code window} after the event, then given up.
     */
    public void failed(Integer statusCode, String error, Instant now, Duration base, Duration window) {
        attempts++;
        lastAttemptAt = UtcTime.toColumn(now);
        lastStatusCode = statusCode;
        lastError = error == null ? null : error.substring(0, Math.min(500, error.length()));
        Duration wait = base.multipliedBy(1L << Math.min(20, attempts - 1));
        if (wait.compareTo(Duration.ofHours(1)) > 0) {
            wait = Duration.ofHours(1);
        }
        Instant next = now.plus(wait);
        if (next.isAfter(UtcTime.fromColumn(createdAt).plus(window))) {
            status = FAILED;
        } else {
            nextAttemptAt = UtcTime.toColumn(next);
        }
    }

    public Long getId() {
        return id;
    }

    public String getMessageId() {
        return messageId;
    }

    public String getWebhookId() {
        return webhookId;
    }

    public String getEventType() {
        return eventType;
    }

    public String getPayload() {
        return payload;
    }

    public String getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getNextAttemptAt() {
        return UtcTime.fromColumn(nextAttemptAt);
    }

    public Instant getLastAttemptAt() {
        return UtcTime.fromColumn(lastAttemptAt);
    }

    public Integer getLastStatusCode() {
        return lastStatusCode;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getCreatedAt() {
        return UtcTime.fromColumn(createdAt);
    }
}
