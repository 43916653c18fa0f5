package io.relaycast.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class IcsEventTest {

    @Test
    void textIsEscapedAndLongLinesAreFoldedAt75Octets() {
        String ics = IcsEvent.calendar("abc@relaycast", Instant.parse("2026-12-05T10:00:00Z"),
                Instant.parse("2026-12-06T15:00:00Z"), Instant.parse("2026-12-06T16:00:00Z"),
                "Q4 all-hands; results, roadmap \\ Q&A", "Line one\nLine two — ünïcödé ".repeat(8),
                "https://relaycast.example.com/watch/abc", "alice", 0, false);
        assertTrue(ics.contains("SUMMARY:Q4 all-hands\\; results\\, roadmap \\\\ Q&A\r\n"), ics);
        assertTrue(ics.contains("DTSTART:20261206T150000Z\r\n"));
        for (String line : ics.split("\r\n")) {
            assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, () -> "over 75 octets: " + line);
        }
        String unfolded = ics.replace("\r\n ", "");
        assertTrue(unfolded.contains("DESCRIPTION:Line one\\nLine two — ünïcödé Line one"), unfolded);
        assertEquals("BEGIN:VCALENDAR", ics.substring(0, 15));
        assertTrue(ics.endsWith("END:VCALENDAR\r\n"));
        assertTrue(ics.contains("SEQUENCE:0\r\n") && ics.contains("STATUS:CONFIRMED\r\n"), ics);
    }

    @Test
    void aRevisedOrCancelledEventCarriesItsRevisionAndStatus() {
        String ics = IcsEvent.calendar("abc@relaycast", Instant.EPOCH, Instant.EPOCH, Instant.EPOCH, "T", null,
                "https://x/watch/abc", "alice", 3, true);
        assertTrue(ics.contains("SEQUENCE:3\r\n"), ics);
        assertTrue(ics.contains("STATUS:CANCELLED\r\n"), ics);
    }
}
