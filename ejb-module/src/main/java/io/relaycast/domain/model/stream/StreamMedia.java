package io.relaycast.domain.model.stream;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Whether a stream is recorded, where its recording ended up, and its thumbnail. */
@Embeddable
public class StreamMedia {

    @Column(name = "recording_enabled", nullable = false)
    private boolean recordingEnabled;

    @Column(name = "recording_url", length = Livestream.MAX_URL)
    private String recordingUrl;

    @Column(name = "thumbnail_url", length = Livestream.MAX_URL)
    private String thumbnailUrl;

    protected StreamMedia() {
        // for JPA
    }

    StreamMedia(boolean recordingEnabled) {
        this.recordingEnabled = recordingEnabled;
    }

    void recordingEnabled(boolean enabled) {
        recordingEnabled = enabled;
    }

    /** A URL given at the end wins over the one the recording pipeline attaches later. */
    void recordingGiven(String url) {
        if (url != null && !url.isBlank()) {
            recordingUrl = url.strip();
        }
    }

    boolean attachRecording(String url) {
        if (recordingUrl != null) {
            return false;
        }
        recordingUrl = url;
        return true;
    }

    void thumbnail(String url) {
        thumbnailUrl = url;
    }

    boolean recordingEnabled() {
        return recordingEnabled;
    }

    String recordingUrl() {
        return recordingUrl;
    }

    String thumbnailUrl() {
        return thumbnailUrl;
    }
}
