package io.relaycast.domain.model.stream;

import io.relaycast.domain.model.shared.InputText;
import io.relaycast.domain.model.shared.UtcTime;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * A broadcast and its lifecycle. The rules (which transitions are allowed, who may make them,
 * how the peak is counted) live here so that every adapter gets the same answer.
 */
@Entity
@Table(name = "livestreams") // indexes: META-INF/sql/create-schema.sql; named queries: META-INF/orm.xml
public class Livestream {

    public static final String FIND_BY_STATUS = "Livestream.findByStatus";
    public static final String FIND_BY_OWNER = "Livestream.findByOwner";
    public static final String FIND_IDS_BY_STATUS = "Livestream.findIdsByStatus";
    public static final String FIND_BY_IDS = "Livestream.findByIds";
    public static final String FIND_BY_IDS_FOR_UPDATE = "Livestream.findByIdsForUpdate";
    public static final String FIND_UPCOMING = "Livestream.findUpcoming";
    public static final String FIND_RECORDINGS = "Livestream.findRecordings";
    public static final String COUNT_BY_OWNER_AND_STATUS = "Livestream.countByOwnerAndStatus";
    public static final String FIND_ID_BY_STREAM_KEY = "Livestream.findIdByStreamKey";
    public static final int MAX_TITLE = 200;
    public static final int MAX_DESCRIPTION = 2000;
    public static final int MAX_URL = 2048;

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "user_id", nullable = false, length = 128)
    private String userId;

    @Column(name = "title", nullable = false, length = MAX_TITLE)
    private String title;

    @Column(name = "description", length = MAX_DESCRIPTION)
    private String description;

    @Column(name = "stream_key", nullable = false, length = 64)
    private String streamKey;

    @Convert(converter = StreamStatusConverter.class)
    @Column(name = "status", nullable = false, length = 16)
    private StreamStatus status;

    @Convert(converter = DeliveryModeConverter.class)
    @Column(name = "delivery", nullable = false, length = 8)
    private DeliveryMode delivery = DeliveryMode.P2P;

    @Column(name = "relay_fanout", nullable = false)
    private int relayFanout = 3; // as DeliveryPolicy.relayFanout(null)

    @Column(name = "started_at")
    private LocalDateTime startedAt;

    @Column(name = "ended_at")
    private LocalDateTime endedAt;

    @Column(name = "viewer_count_peak", nullable = false)
    private int viewerCountPeak;

    @Column(name = "recording_enabled", nullable = false)
    private boolean recordingEnabled;

    @Column(name = "recording_url", length = MAX_URL)
    private String recordingUrl;

    @Column(name = "thumbnail_url", length = MAX_URL)
    private String thumbnailUrl;

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    @Column(name = "scheduled_at")
    private LocalDateTime scheduledAt;

    @Column(name = "like_count", nullable = false)
    private long likeCount;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Livestream() {
        // for JPA
    }

    private Livestream(String ownerId, String title, String description, boolean recordingEnabled,
                       Instant scheduledAt, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.userId = InputText.required(ownerId, "owner");
        this.title = InputText.plain(InputText.required(title, "title").strip(), "title", false);
        this.description = InputText.paragraphs(description, "description");
        this.recordingEnabled = recordingEnabled;
        this.scheduledAt = UtcTime.toColumn(scheduledAt);
        this.createdAt = UtcTime.toColumn(now);
        this.streamKey = StreamKey.generate();
        this.status = StreamStatus.SCHEDULED;
    }

    /** A new stream in state {@code scheduled}, with a fresh secret stream key. */
    public static Livestream schedule(String ownerId, String title, String description,
                                      boolean recordingEnabled, Instant scheduledAt, Instant now) {
        return new Livestream(ownerId, title, description, recordingEnabled, scheduledAt, now);
    }

    public boolean isOwnedBy(String callerId) {
        return callerId != null && callerId.equals(userId);
    }

    public void requireOwner(String callerId) {
        if (!isOwnedBy(callerId)) {
            throw new NotStreamOwnerException(getId());
        }
    }

    /** scheduled → live. */
    public void start(Instant now) {
        if (status != StreamStatus.SCHEDULED) {
            throw new StreamStateException("Livestream '" + id + "' can only be started while scheduled; it is "
                    + status.wireName() + ".", status);
        }
        status = StreamStatus.LIVE;
        startedAt = UtcTime.toColumn(now);
    }

    /** live → ended. The caller closes the open viewer rows in the same transaction. */
    public void end(Instant now, String finalRecordingUrl) {
        if (status != StreamStatus.LIVE) {
            throw new StreamStateException("Livestream '" + id + "' can only be ended while live; it is "
                    + status.wireName() + ".", status);
        }
        status = StreamStatus.ENDED;
        endedAt = UtcTime.toColumn(now);
        if (finalRecordingUrl != null && !finalRecordingUrl.isBlank()) {
            recordingUrl = finalRecordingUrl.strip();
        }
    }

    /** Joining, chatting and liking only make sense while the broadcast is on air. */
    public void requireLive(String action) {
        if (status != StreamStatus.LIVE) {
            throw new StreamStateException("Cannot " + action + ": livestream '" + id + "' is "
                    + status.wireName() + ", not live.", status);
        }
    }

    /** Called with the number of viewers open right now; the peak only ever grows. */
    public void observeConcurrentViewers(long openNow) {
        if (openNow > viewerCountPeak) {
            viewerCountPeak = (int) Math.min(openNow, Integer.MAX_VALUE);
        }
    }

    public long like() {
        requireLive("like");
        return ++likeCount;
    }

    /** Time on air: from start to end, or to now while live; zero before start. */
    public Duration airTime(Instant now) {
        if (startedAt == null) {
            return Duration.ZERO;
        }
        Instant until = endedAt != null ? UtcTime.fromColumn(endedAt) : now;
        Duration d = Duration.between(UtcTime.fromColumn(startedAt), until);
        return d.isNegative() ? Duration.ZERO : d;
    }

    public void changeThumbnail(String url) {
        thumbnailUrl = url;
    }

    /** The recording made while live becomes available after the end (unless one was given at the end). */
    public boolean attachRecording(String url) {
        if (status != StreamStatus.ENDED || recordingUrl != null) {
            return false;
        }
        recordingUrl = url;
        return true;
    }

    public StreamId getId() {
        return StreamId.of(id);
    }

    public String getUserId() {
        return userId;
    }

    public String getTitle() {
        return title;
    }

    public String getDescription() {
        return description;
    }

    /** A new secret key: the old one publishes no more (a publication running on it goes on). */
    public void rotateKey() {
        if (status == StreamStatus.ENDED) {
            throw new StreamStateException("Livestream '" + id + "' has ended; its key cannot change.", status);
        }
        streamKey = StreamKey.generate();
    }

    /** The secret: adapters must only hand it to the owner. */
    public String getStreamKey() {
        return streamKey;
    }

    public StreamStatus getStatus() {
        return status;
    }

    public DeliveryMode getDelivery() {
        return delivery;
    }

    /** Chosen at creation: viewers of one stream all get its media the same way. */
    public void deliverBy(DeliveryMode mode, int relayFanout) {
        this.delivery = mode;
        this.relayFanout = relayFanout; // 1–8: DeliveryPolicy
    }

    public int getRelayFanout() {
        return relayFanout;
    }

    public Instant getStartedAt() {
        return UtcTime.fromColumn(startedAt);
    }

    public Instant getEndedAt() {
        return UtcTime.fromColumn(endedAt);
    }

    public int getViewerCountPeak() {
        return viewerCountPeak;
    }

    public boolean isRecordingEnabled() {
        return recordingEnabled;
    }

    public String getRecordingUrl() {
        return recordingUrl;
    }

    public String getThumbnailUrl() {
        return thumbnailUrl;
    }

    public Instant getCreatedAt() {
        return UtcTime.fromColumn(createdAt);
    }

    public Instant getScheduledAt() {
        return UtcTime.fromColumn(scheduledAt);
    }

    public long getLikeCount() {
        return likeCount;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Livestream other && Objects.equals(id, other.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }

    @Override
    public String toString() {
        // Never include the stream key: toString ends up in logs.
        return "Livestream[id=" + id + ", userId=" + userId + ", status=" + status + "]";
    }
}
