package io.relaycast.domain.model.recording;

import io.relaycast.domain.model.stream.Livestream;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MediaTypeSnifferTest {

    @Test
    void recognisesWebmAndMp4ByTheirFirstBytes() {
        assertEquals(Optional.of("video/webm"), MediaTypeSniffer.video(new byte[] {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, 1}));
        byte[] mp4 = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm'};
        assertEquals(Optional.of("video/mp4"), MediaTypeSniffer.video(mp4));
        assertEquals(Optional.empty(), MediaTypeSniffer.video("<html>".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(Optional.empty(), MediaTypeSniffer.video(new byte[] {0x1A}));
    }

    @Test
    void recognisesJpeg() {
        assertTrue(MediaTypeSniffer.isJpeg(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}));
        assertFalse(MediaTypeSniffer.isJpeg(new byte[] {(byte) 0x89, 'P', 'N', 'G'}));
        assertFalse(MediaTypeSniffer.isJpeg(new byte[0]));
    }

    @Test
    void aRecordingAttachesOnlyToAnEndedStreamWithoutOne() {
        java.time.Instant t = java.time.Instant.parse("2026-11-21T10:00:00Z");
        Livestream s = Livestream.schedule("alice", "t", null, true, null, t);
        assertFalse(s.attachRecording("/r"));
        s.start(t);
        assertFalse(s.attachRecording("/r"));
        s.end(t, null);
        assertTrue(s.attachRecording("/api/livestream/x/recording"));
        assertFalse(s.attachRecording("/other"));
        assertEquals("/api/livestream/x/recording", s.getRecordingUrl());
    }
}
