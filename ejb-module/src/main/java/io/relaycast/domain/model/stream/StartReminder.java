package io.relaycast.domain.model.stream;

import io.relaycast.domain.model.shared.UtcTime;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDateTime;

/** That a scheduled stream's "starting soon" was sent: one row per stream, so it is sent once, by one server. */
@Entity
@Table(name = "livestream_start_reminders")
public class StartReminder {

    @Id
    @Column(name = "stream_id", length = 36)
    private String streamId;

    @Column(name = "sent_at", nullable = false)
    private LocalDateTime sentAt;

    protected StartReminder() {
        // for JPA
    }

    public StartReminder(StreamId streamId, Instant now) {
        this.streamId = streamId.value();
        this.sentAt = UtcTime.toColumn(now);
    }
}
