package io.relaycast.domain.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.UUID;

/** A link or product the broadcaster pins to the stream's watch page. */
@Entity
@Table(name = "livestream_pins")
@NamedQuery(name = PinnedItem.LIST, query = "SELECT p FROM PinnedItem p WHERE p.streamId = :streamId ORDER BY p.createdAt")
public class PinnedItem {

    public static final String LIST = "PinnedItem.list";
    public static final int MAX_PINS = 20;

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "stream_id", nullable = false, length = 36)
    private String streamId;

    @Column(name = "title", nullable = false, length = 200)
    private String title;

    @Column(name = "url", nullable = false, length = 2048)
    private String url;

    @Column(name = "description", length = 1000)
    private String description;

    @Column(name = "image_url", length = 2048)
    private String imageUrl;

    @Column(name = "price", length = 64)
    private String price;

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    protected PinnedItem() {
        // for JPA
    }

    public static PinnedItem of(String streamId, String title, String url, String description, String imageUrl,
                                String price, Instant now) {
        PinnedItem p = new PinnedItem();
        p.id = UUID.randomUUID().toString();
        p.streamId = streamId;
        p.title = text(title, "title", 200, true);
        p.url = httpUrl(url, "url", true);
        p.description = text(description, "description", 1000, false);
        p.imageUrl = httpUrl(imageUrl, "imageUrl", false);
        p.price = text(price, "price", 64, false);
        p.createdAt = UtcTime.toColumn(now);
        return p;
    }

    private static String text(String value, String name, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw new InvalidInputException(name + " is required.");
            }
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            throw new InvalidInputException(name + " is limited to " + max + " characters.");
        }
        return v;
    }

    /** Absolute http(s) URLs with a host only: no javascript:, data: or relative links on the watch page. */
    static String httpUrl(String value, String name, boolean required) {
        String v = text(value, name, 2048, required);
        if (v == null) {
            return null;
        }
        try {
            URI u = new URI(v);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null || u.getHost().isBlank()) {
                throw new InvalidInputException(name + " must be an absolute http(s) URL.");
            }
            return u.toString();
        } catch (URISyntaxException e) {
            throw new InvalidInputException(name + " must be an absolute http(s) URL.");
        }
    }

    public String getId() {
        return id;
    }

    public String getStreamId() {
        return streamId;
    }

    public String getTitle() {
        return title;
    }

    public String getUrl() {
        return url;
    }

    public String getDescription() {
        return description;
    }

    public String getImageUrl() {
        return imageUrl;
    }

    public String getPrice() {
        return price;
    }

    public Instant getCreatedAt() {
        return UtcTime.fromColumn(createdAt);
    }
}
