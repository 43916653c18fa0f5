package io.relaycast.domain.model.webhook;

import io.relaycast.domain.model.shared.InputText;
import io.relaycast.domain.model.shared.InvalidInputException;
import io.relaycast.domain.model.shared.UtcTime;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * An integrator's endpoint for stream events, signed per the Standard Webhooks spec. A broadcaster's
 * webhook hears of its own streams; a server-wide one (admins only) of every stream.
 */
@Entity
@Table(name = "webhooks")
@NamedQuery(name = Webhook.BY_OWNER, query = "SELECT w FROM Webhook w WHERE w.ownerId = :ownerId ORDER BY w.createdAt")
@NamedQuery(name = Webhook.SERVER_WIDE, query = "SELECT w FROM Webhook w WHERE w.serverWide = TRUE ORDER BY w.createdAt")
@NamedQuery(name = Webhook.FOR_STREAM_OWNER,
        query = "SELECT w FROM Webhook w WHERE w.ownerId = :ownerId OR w.serverWide = TRUE")
public class Webhook {

    public static final String BY_OWNER = "Webhook.byOwner";
    public static final String SERVER_WIDE = "Webhook.serverWide";
    public static final String FOR_STREAM_OWNER = "Webhook.forStreamOwner";
    public static final List<String> EVENTS = List.of("stream.started", "stream.ended", "recording.ready",
            "viewer.peak", "chat.message", "poll.closed",
            "stream.starting-soon", "stream.updated", "stream.cancelled",
            "recording.failed");
    public static final int MAX_PER_OWNER = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "owner_id", nullable = false, length = 128)
    private String ownerId;

    @Column(name = "url", nullable = false, length = 2048)
    private String url;

    @Column(name = "events", nullable = false, length = 500)
    private String events;

    @Column(name = "secret", nullable = false, length = 64)
    private String secret;

    @Column(name = "server_wide", nullable = false)
    private boolean serverWide;

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    protected Webhook() {
        // for JPA
    }

    public static Webhook register(String ownerId, String url, List<String> events, boolean serverWide, Instant now) {
        if (events == null || events.isEmpty()) {
            throw new InvalidInputException("events must list at least one of " + EVENTS + ".");
        }
        Set<String> chosen = new LinkedHashSet<>();
        for (String e : events) {
            if (!EVENTS.contains(e)) {
                throw new InvalidInputException("Unknown event '" + (e == null ? "null" : e) + "'; known: " + EVENTS + ".");
            }
            chosen.add(e);
        }
        Webhook w = new Webhook();
        w.id = UUID.randomUUID().toString();
        w.ownerId = ownerId;
        w.url = InputText.httpUrl(url, "url", true);
        w.events = String.join(",", chosen);
        byte[] key = new byte[24];
        RANDOM.nextBytes(key);
        w.secret = "whsec_" + Base64.getEncoder().encodeToString(key);
        w.serverWide = serverWide;
        w.createdAt = UtcTime.toColumn(now);
        return w;
    }

    public boolean subscribes(String event) {
        return Arrays.asList(events.split(",")).contains(event);
    }

    public String getId() {
        return id;
    }

    public String getOwnerId() {
        return ownerId;
    }

    public String getUrl() {
        return url;
    }

    public List<String> getEvents() {
        return List.of(events.split(","));
    }

    /** {@code whsec_<base64 key>}: shown to its owner once, at registration. */
    public String getSecret() {
        return secret;
    }

    public boolean isServerWide() {
        return serverWide;
    }

    public Instant getCreatedAt() {
        return UtcTime.fromColumn(createdAt);
    }
}
