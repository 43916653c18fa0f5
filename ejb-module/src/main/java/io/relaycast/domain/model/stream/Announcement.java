package io.relaycast.domain.model.stream;

import io.relaycast.domain.model.shared.InputText;
import io.relaycast.domain.model.shared.UtcTime;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * What a stream tells its audience before it airs: title, description and planned start. Its
 * revision number is the calendar entry's SEQUENCE (RFC 5545): it grows with every change an
 * invitee's calendar must pick up, so that the event moves instead of being duplicated.
 */
@Embeddable
public class Announcement {

    @Column(name = "title", nullable = false, length = Livestream.MAX_TITLE)
    private String title;

    @Column(name = "description", length = Livestream.MAX_DESCRIPTION)
    private String description;

    @Column(name = "scheduled_at")
    private LocalDateTime scheduledAt;

    @Column(name = "calendar_sequence", nullable = false)
    private int sequence;

    protected Announcement() {
        // for JPA
    }

    Announcement(String title, String description, Instant scheduledAt) {
        this.title = checkedTitle(title);
        this.description = InputText.paragraphs(description, "description");
        this.scheduledAt = UtcTime.toColumn(scheduledAt);
    }

    private static String checkedTitle(String title) {
        return InputText.plain(InputText.required(title, "title").strip(), "title", false);
    }

    /**
     * Applies the given parts (null: unchanged; an empty description removes it). Returns whether
     * anything changed; the revision grows only then.
     */
    boolean revise(String newTitle, String newDescription, Instant newScheduledAt) {
        String t = newTitle == null ? title : checkedTitle(newTitle);
        String d = newDescription == null ? description
                : newDescription.isBlank() ? null : InputText.paragraphs(newDescription, "description");
        LocalDateTime at = newScheduledAt == null ? scheduledAt : UtcTime.toColumn(newScheduledAt);
        if (Objects.equals(t, title) && Objects.equals(d, description) && Objects.equals(at, scheduledAt)) {
            return false;
        }
        title = t;
        description = d;
        scheduledAt = at;
        sequence++;
        return true;
    }

    /** The event is called off: calendars must see a newer revision to apply the cancellation. */
    void cancel() {
        sequence++;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public Instant scheduledAt() {
        return UtcTime.fromColumn(scheduledAt);
    }

    public int sequence() {
        return sequence;
    }
}
