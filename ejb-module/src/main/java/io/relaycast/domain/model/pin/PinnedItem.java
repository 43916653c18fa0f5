package io.relaycast.domain.model.pin;

import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.domain.model.shared.InputText;

import io.relaycast.domain.model.shared.UtcTime;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDateTime;
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

    public static PinnedItem of(StreamId streamId, String title, String url, String description, String imageUrl,
                                String price, Instant now) {
        PinnedItem p = new PinnedItem();
        p.id = UUID.randomUUID().toString();
        p.streamId = streamId.value();
        p.title = InputText.text(title, "title", 200, true);
        p.url = InputText.httpUrl(url, "url", true);
        p.description = InputText.lines(description, "description", 1000, false);
        p.imageUrl = InputText.httpUrl(imageUrl, "imageUrl", false);
        p.price = InputText.text(price, "price", 64, false);
        p.createdAt = UtcTime.toColumn(now);
        return p;
    }

    public String getId() {
        return id;
    }

    public StreamId getStreamId() {
        return StreamId.of(streamId);
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
