package io.relaycast.domain.model.shared;

import io.relaycast.domain.model.chat.ChatText;
import io.relaycast.domain.model.stream.StreamKey;
import io.relaycast.domain.model.viewer.ViewerRepository;
import io.relaycast.domain.model.viewer.WatchStatistics;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class InputRulesTest {

    @Test
    void chatTextIsTrimmedAndMustBeOneTo500Characters() {
        assertEquals("hello", ChatText.normalize("  hello \n"));
        assertEquals("line one\nline two", ChatText.normalize("line one\nline two"));
        assertThrows(InvalidInputException.class, () -> ChatText.normalize(null));
        assertThrows(InvalidInputException.class, () -> ChatText.normalize(""));
        assertThrows(InvalidInputException.class, () -> ChatText.normalize(" \t\n "));
        assertEquals(500, ChatText.normalize("x".repeat(500)).length());
        assertThrows(InvalidInputException.class, () -> ChatText.normalize("x".repeat(501)));
    }

    @Test
    void chatLengthCountsCharactersNotUtf16Units() {
        String emoji = "\uD83C\uDF89"; // one character, two UTF-16 units
        assertEquals(1000, ChatText.normalize(emoji.repeat(500)).length());
        assertThrows(InvalidInputException.class, () -> ChatText.normalize(emoji.repeat(501)));
    }

    @Test
    void chatRejectsControlCharacters() {
        assertThrows(InvalidInputException.class, () -> ChatText.normalize("a\u0000b"));
        assertThrows(InvalidInputException.class, () -> ChatText.normalize("bell\u0007"));
    }

    @Test
    void chatKeepsMarkupAsPlainText() {
        // Escaping is the renderer's job; the stored text is exactly what was typed.
        assertEquals("<img src=x onerror=alert(1)>", ChatText.normalize("<img src=x onerror=alert(1)>"));
    }

    @Test
    void pagingLimitIs1To200AndOffsetNonNegative() {
        assertEquals(new PageRequest(50, 0), PageRequest.of(null, null, 50));
        assertEquals(new PageRequest(200, 7), PageRequest.parse("200", " 7 ", 50));
        assertEquals(new PageRequest(1, 0), PageRequest.parse("1", "", 50));
        assertThrows(InvalidInputException.class, () -> PageRequest.parse("0", null, 50));
        assertThrows(InvalidInputException.class, () -> PageRequest.parse("201", null, 50));
        assertThrows(InvalidInputException.class, () -> PageRequest.parse("10", "-1", 50));
        assertThrows(InvalidInputException.class, () -> PageRequest.parse("ten", null, 50));
        assertThrows(InvalidInputException.class, () -> PageRequest.parse("99999999999", null, 50));
    }

    @Test
    void streamKeyHasAtLeast128RandomBitsAndComparesExactly() {
        String key = StreamKey.generate();
        byte[] raw = Base64.getUrlDecoder().decode(key.substring(3));
        assertTrue(raw.length * 8 >= 128);
        assertTrue(StreamKey.matches(key, key));
        assertFalse(StreamKey.matches(key, key + "x"));
        assertFalse(StreamKey.matches(key, null));
        assertFalse(StreamKey.matches(null, key));
    }

    @Test
    void averageWatchTimeCountsOpenSessionsUntilNow() {
        Instant t0 = Instant.parse("2026-11-21T10:00:00Z");
        var closed = new ViewerRepository.WatchInterval(t0, t0.plusSeconds(60));
        var open = new ViewerRepository.WatchInterval(t0.plusSeconds(100), null);
        assertEquals(Duration.ZERO, WatchStatistics.averageWatchTime(List.of(), t0));
        assertEquals(Duration.ofSeconds(60), WatchStatistics.averageWatchTime(List.of(closed), t0.plusSeconds(500)));
        // (60 + 200) / 2
        assertEquals(Duration.ofSeconds(130),
                WatchStatistics.averageWatchTime(List.of(closed, open), t0.plusSeconds(300)));
    }

    @Test
    void userTextRefusesControlsAndBidiOverridesButKeepsTabsAndLineEndsWhereTheyBelong() {
        for (String bad : new String[] {"a\u0000b", "a\u001Bb", "a\u007Fb", "a\u0085b", "a\u202Ab", "a\u202Eb",
                "a\u2066b", "a\u2069b"}) {
            assertThrows(InvalidInputException.class, () -> InputText.plain(bad, "title", false), bad);
            assertThrows(InvalidInputException.class, () -> InputText.paragraphs(bad, "description"), bad);
            assertThrows(InvalidInputException.class, () -> ChatText.of(bad), bad);
        }
        assertThrows(InvalidInputException.class, () -> InputText.plain("a\nb", "title", false));
        assertEquals("a\tb", InputText.plain("a\tb", "title", false));
        assertEquals("one\ntwo", InputText.paragraphs(" one\r\ntwo ", "description"));
        assertThrows(InvalidInputException.class, () -> InputText.paragraphs("one\rtwo", "description"), "a lone CR");
        assertEquals("\u05E9\u05DC\u05D5\u05DD and \u0645\u0631\u062D\u0628\u0627",
                InputText.plain("\u05E9\u05DC\u05D5\u05DD and \u0645\u0631\u062D\u0628\u0627", "title", false),
                "right-to-left text itself is welcome");
    }

    @Test
    void pagingOffsetStopsWhereOffsetPlusLimitStillFitsAnInt() {
        assertEquals(PageRequest.MAX_OFFSET, PageRequest.parse("200", "1000000", 50).offset());
        assertThrows(InvalidInputException.class, () -> PageRequest.parse(null, "1000001", 50));
        assertThrows(InvalidInputException.class, () -> PageRequest.parse(null, "2147483647", 50));
    }
}
