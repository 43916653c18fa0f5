package io.relaycast.infrastructure.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Janus's recording files grouped into publications, as Janus 1.1.2 names them. */
class JanusRecordingFilesTest {

    private static final String ROOM = "videoroom-a2f53ecd-f921-4d1d-92b3-f5a770c8d6d2-user-";

    @Test
    void audioAndVideoOfOnePublicationGoTogetherAndAReconnectIsTheNextPublication() {
        // as seen in a test run: the video recorder is made 82 µs after the audio one
        Map<String, List<String>> groups = JanusRecordingFiles.group(List.of(
                ROOM + "p_TssGN9eOg17g_A0N-1796478717032537-video-1.mjr",
                ROOM + "p_ovbHgo86INqskXjw-1796478709127612-audio-0.mjr",
                ROOM + "p_TssGN9eOg17g_A0N-1796478717032450-audio-0.mjr",
                ROOM + "p_ovbHgo86INqskXjw-1796478709127694-video-1.mjr",
                "notes.txt"));
        assertEquals(List.of(
                List.of(ROOM + "p_ovbHgo86INqskXjw-1796478709127612-audio-0.mjr",
                        ROOM + "p_ovbHgo86INqskXjw-1796478709127694-video-1.mjr"),
                List.of(ROOM + "p_TssGN9eOg17g_A0N-1796478717032450-audio-0.mjr",
                        ROOM + "p_TssGN9eOg17g_A0N-1796478717032537-video-1.mjr")), List.copyOf(groups.values()));
    }

    @Test
    void theSamePublisherPublishingAgainLaterIsANewPublication() {
        Map<String, List<String>> groups = JanusRecordingFiles.group(List.of(
                ROOM + "p_same-1000000000-audio-0.mjr", ROOM + "p_same-1000000100-video-1.mjr",
                ROOM + "p_same-1005000000-audio-0.mjr", ROOM + "p_same-1005000090-video-1.mjr"));
        assertEquals(2, groups.size());
        groups.values().forEach(files -> assertEquals(2, files.size()));
    }
}
