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

    @Column(name = "recording_state", length = 12)
    private String recordingState; // a RecordingState's name; null (rows from before): off

    protected StreamMedia() {
        // for JPA
    }

    StreamMedia(boolean recordingEnabled) {
        this.recordingEnabled = recordingEnabled;
    }

    void recordingEnabled(boolean enabled) {
        recordingEnabled = enabled;
    }

    /** On air: a stream that records is recording from now. */
    void started() {
        if (recordingEnabled) {
            recordingState = RecordingState.RECORDING.name();
        }
    }

    /** Off air: what was recorded is built into the VOD next; a URL given at the end is the VOD already. */
    void ended(String givenUrl) {
        if (givenUrl != null && !givenUrl.isBlank()) {
            recordingUrl = givenUrl.strip();
            recordingState = RecordingState.READY.name();
        } else if (recordingState() == RecordingState.RECORDING) {
            recordingState = RecordingState.PROCESSING.name();
        }
    }

    boolean attachRecording(String url) {
        if (recordingUrl != null) {
            return false;
        }
        recordingUrl = url;
        recordingState = RecordingState.READY.name();
        return true;
    }

    /** Building the VOD failed, or nothing was recorded: said, not silent. True if that is news. */
    boolean failed() {
        RecordingState now = recordingState();
        if (now != RecordingState.RECORDING && now != RecordingState.PROCESSING) {
            return false; // not recording, already failed, or a VOD is there
        }
        recordingState = RecordingState.FAILED.name();
        return true;
    }

    RecordingState recordingState() {
        if (recordingState == null) { // rows from before the state existed
            return recordingUrl != null ? RecordingState.READY : RecordingState.OFF;
        }
        return RecordingState.valueOf(recordingState);
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
