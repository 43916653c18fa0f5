package io.relaycast.domain.model.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Where a stream's recording is, from creation to the VOD or its failure. */
class RecordingStateTest {

    private static final Instant T0 = Instant.parse("2026-12-05T10:00:00Z");

    private static Livestream live(boolean recording) {
        Livestream s = Livestream.schedule("alice", "All hands", null, recording, null, T0);
        assertEquals(RecordingState.OFF, s.getRecordingState());
        s.start(T0);
        return s;
    }

    @Test
    void aRecordedStreamRecordsWhileLiveIsProcessedAfterTheEndAndIsReadyWithItsVod() {
        Livestream s = live(true);
        assertEquals(RecordingState.RECORDING, s.getRecordingState());
        s.end(T0.plusSeconds(60), null);
        assertEquals(RecordingState.PROCESSING, s.getRecordingState());
        s.attachRecording("/api/livestream/x/recording");
        assertEquals(RecordingState.READY, s.getRecordingState());
        s.recordingFailed();
        assertEquals(RecordingState.READY, s.getRecordingState(), "a built VOD does not fail afterwards");
    }

    @Test
    void aFailureIsSaidAndAStreamThatDoesNotRecordStaysOff() {
        Livestream s = live(true);
        s.end(T0.plusSeconds(60), null);
        assertTrue(s.recordingFailed(), "news: the webhook is sent");
        assertEquals(RecordingState.FAILED, s.getRecordingState());
        assertFalse(s.recordingFailed(), "failing again is no news: no second webhook");

        Livestream off = live(false);
        off.end(T0.plusSeconds(60), null);
        assertFalse(off.recordingFailed(), "a stream that does not record cannot fail to");
        assertEquals(RecordingState.OFF, off.getRecordingState());
    }

    @Test
    void aRecordingUrlGivenAtTheEndIsTheVodAtOnce() {
        Livestream s = live(true);
        s.end(T0.plusSeconds(60), "/recordings/all-hands.webm");
        assertEquals(RecordingState.READY, s.getRecordingState());
        assertEquals("/recordings/all-hands.webm", s.getRecordingUrl());
    }
}
