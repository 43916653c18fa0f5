package io.relaycast.domain.model.question;

import io.relaycast.domain.model.stream.StreamId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The owner's Q&A settings: whether questions wait for approval, whether they may be asked anonymously. */
@Entity
@Table(name = "livestream_qa_settings")
public class QaSettings {

    @Id
    @Column(name = "stream_id", length = 36)
    private String streamId;

    @Column(name = "moderated", nullable = false)
    private boolean moderated;

    @Column(name = "anonymous_allowed", nullable = false)
    private boolean anonymousAllowed = true;

    protected QaSettings() {
        // for JPA
    }

    /** The defaults: not moderated, anonymous questions allowed. */
    public static QaSettings defaults(StreamId streamId) {
        QaSettings s = new QaSettings();
        s.streamId = streamId.value();
        return s;
    }

    public void change(boolean moderated, boolean anonymousAllowed) {
        this.moderated = moderated;
        this.anonymousAllowed = anonymousAllowed;
    }

    public boolean moderated() {
        return moderated;
    }

    public boolean anonymousAllowed() {
        return anonymousAllowed;
    }
}
