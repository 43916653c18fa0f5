package io.relaycast.domain.model.stream;

import io.relaycast.domain.model.shared.InputText;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A broadcast and its lifecycle. The rules (which transitions are allowed, who may make them,
 * how the peak is counted) live here so that every adapter gets the same answer.
 */
@Entity
@Table(name = "livestreams") // indexes: META-INF/sql/create-schema.sql; named queries: META-INF/orm.xml
public class Livestream {

    public static final int MAX_TITLE = 200;
    public static final int MAX_DESCRIPTION = 2000;
    public static final int MAX_URL = 2048;

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "user_id", nullable = false, length = 128)
    private String userId;

    @Embedded
    private Announcement announcement;

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

    @Embedded
    private StreamTimes times;

    @Embedded
    private Audience audience = new Audience();

    @Embedded
    private StreamMedia media;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Livestream() { // for JPA
    }

    /** A new stream in state {@code scheduled}, with a fresh secret stream key. */
    public static Livestream schedule(String ownerId, String title, String description,
                                      boolean recordingEnabled, Instant scheduledAt, Instant now) {
        Livestream s = new Livestream();
        s.id = UUID.randomUUID().toString();
        s.userId = InputText.required(ownerId, "owner");
        s.announcement = new Announcement(title, description, scheduledAt);
        s.media = new StreamMedia(recordingEnabled);
        s.times = new StreamTimes(now);
        s.streamKey = StreamKey.generate();
        s.status = StreamStatus.SCHEDULED;
        return s;
    }

    public boolean isOwnedBy(String callerId) {
        return callerId != null && callerId.equals(userId);
    }

    public void requireOwner(String callerId) {
        if (!isOwnedBy(callerId)) {
            throw new NotStreamOwnerException(getId());
        }
    }

    public void start(Instant now) {
        require(StreamStatus.SCHEDULED, "started");
        status = StreamStatus.LIVE;
        times.started(now);
        media.started();
    }

    /** live → ended. The caller closes the open viewer rows in the same transaction. */
    public void end(Instant now, String finalRecordingUrl) {
        require(StreamStatus.LIVE, "ended");
        status = StreamStatus.ENDED;
        times.ended(now);
        media.ended(finalRecordingUrl);
    }

    /** scheduled → cancelled: it will not air, and its calendar entry is withdrawn. */
    public void cancel() {
        require(StreamStatus.SCHEDULED, "cancelled");
        status = StreamStatus.CANCELLED;
        announcement.cancel();
    }

    private void require(StreamStatus expected, String done) {
        if (status != expected) {
            throw new StreamStateException("Livestream '" + id + "' can be " + done + " only while "
                    + expected.wireName() + "; it is " + status.wireName() + ".", status);
        }
    }

    /** A change by the owner or an admin; true if the announcement (the calendar entry) changed. */
    public boolean revise(StreamRevision r) {
        if (status == StreamStatus.CANCELLED
                || (status != StreamStatus.SCHEDULED && (r.scheduledAt() != null || r.recordingEnabled() != null))
                || (status == StreamStatus.ENDED && r.maxViewers() != null)) {
            throw new StreamStateException("Livestream '" + id + "' is " + status.wireName() + ": the start time and "
                    + "recording change only while scheduled, the viewer limit until the end, nothing once cancelled.",
                    status);
        }
        if (r.recordingEnabled() != null) {
            media.recordingEnabled(r.recordingEnabled());
        }
        if (r.maxViewers() != null) {
            limitViewers(r.maxViewers());
        }
        return announcement.revise(r.title(), r.description(), r.scheduledAt());
    }

    /** At most this many viewers at a time (0: no limit). */
    public void limitViewers(int max) {
        audience.limit(max);
    }

    public boolean isFull(long open) {
        return audience.isFull(open);
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
        audience.observe(openNow);
    }

    public long like() {
        requireLive("like");
        return audience.like();
    }

    /** Time on air: from start to end, or to now while live; zero before start. */
    public Duration airTime(Instant now) {
        return times.duration(now);
    }

    public void changeThumbnail(String url) {
        media.thumbnail(url);
    }

    /** The recording made while live becomes available after the end (unless one was given at the end). */
    public boolean attachRecording(String url) {
        return status == StreamStatus.ENDED && media.attachRecording(url);
    }

    /** True when the recording has just become {@code failed} (not when it was already, or off). */
    public boolean recordingFailed() {
        return media.failed();
    }

    public RecordingState getRecordingState() {
        return media.recordingState();
    }

    public StreamId getId() {
        return StreamId.of(id);
    }

    public String getUserId() {
        return userId;
    }

    public String getTitle() {
        return announcement.title();
    }

    public String getDescription() {
        return announcement.description();
    }

    /** A new secret key: the old one publishes no more (a publication running on it goes on). */
    public void rotateKey() {
        if (status.isOver()) {
            throw new StreamStateException("Livestream '" + id + "' is " + status.wireName() + "; its key cannot change.",
                    status);
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
        return times.startedAt();
    }

    public Instant getEndedAt() {
        return times.endedAt();
    }

    public int getViewerCountPeak() {
        return audience.peak();
    }

    public boolean isRecordingEnabled() {
        return media.recordingEnabled();
    }

    public String getRecordingUrl() {
        return media.recordingUrl();
    }

    public String getThumbnailUrl() {
        return media.thumbnailUrl();
    }

    public Instant getCreatedAt() {
        return times.createdAt();
    }

    public Instant getScheduledAt() {
        return announcement.scheduledAt();
    }

    public int getCalendarSequence() { // see Announcement
        return announcement.sequence();
    }

    public Integer getMaxViewers() { // null: no limit
        return audience.maxViewers();
    }

    public long getLikeCount() {
        return audience.likes();
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
