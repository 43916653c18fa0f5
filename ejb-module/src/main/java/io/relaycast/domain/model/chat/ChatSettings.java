package io.relaycast.domain.model.chat;

import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.domain.model.shared.InvalidInputException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** How a stream's chat is moderated; a stream without a row has the defaults. */
@Entity
@Table(name = "livestream_chat_settings")
public class ChatSettings {

    public static final int MAX_SLOW_MODE_SECONDS = 3600;

    @Id
    @Column(name = "stream_id", length = 36)
    private String streamId;

    @Column(name = "enabled", nullable = false)
    private boolean enabled = true;

    @Column(name = "signed_in_only", nullable = false)
    private boolean signedInOnly = true;

    @Column(name = "slow_mode_seconds", nullable = false)
    private int slowModeSeconds;

    protected ChatSettings() {
        // for JPA
    }

    /** The defaults: chat on, signed-in users only, no slow mode. */
    public static ChatSettings defaults(StreamId streamId) {
        ChatSettings s = new ChatSettings();
        s.streamId = streamId.value();
        return s;
    }

    public void change(boolean enabled, boolean signedInOnly, int slowModeSeconds) {
        if (slowModeSeconds < 0 || slowModeSeconds > MAX_SLOW_MODE_SECONDS) {
            throw new InvalidInputException("slowModeSeconds must be 0–" + MAX_SLOW_MODE_SECONDS + ".");
        }
        this.enabled = enabled;
        this.signedInOnly = signedInOnly;
        this.slowModeSeconds = slowModeSeconds;
    }

    public StreamId getStreamId() {
        return StreamId.of(streamId);
    }

    public boolean isEnabled() {
        return enabled;
    }

    public boolean isSignedInOnly() {
        return signedInOnly;
    }

    public int getSlowModeSeconds() {
        return slowModeSeconds;
    }
}
