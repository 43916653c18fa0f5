package io.relaycast.interfaces.rest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Writes one VEVENT in a VCALENDAR (RFC 5545): escaped text values, CRLF lines folded at 75 octets. */
final class IcsEvent {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private IcsEvent() {
    }

    /**
     * {@code sequence} is the event's revision (a calendar applies an entry only if it is newer than
     * the one it has); a cancelled event keeps its UID with STATUS:CANCELLED.
     */
    static String calendar(String uid, Instant stamp, Instant start, Instant end, String summary, String description,
                           String url, String organizer, int sequence, boolean cancelled) {
        StringBuilder b = new StringBuilder();
        line(b, "BEGIN:VCALENDAR");
        line(b, "VERSION:2.0");
        line(b, "PRODID:-//Relaycast//Live streams//EN");
        line(b, "CALSCALE:GREGORIAN");
        line(b, "METHOD:PUBLISH");
        line(b, "BEGIN:VEVENT");
        line(b, "UID:" + text(uid));
        line(b, "DTSTAMP:" + UTC.format(stamp));
        line(b, "DTSTART:" + UTC.format(start));
        line(b, "DTEND:" + UTC.format(end));
        line(b, "SEQUENCE:" + sequence);
        line(b, "SUMMARY:" + text(summary));
        String details = (description == null || description.isBlank() ? "" : description + "\n\n") + "Watch: " + url;
        line(b, "DESCRIPTION:" + text(details));
        line(b, "URL:" + url);
        line(b, "LOCATION:" + text(url));
        line(b, "X-RELAYCAST-BROADCASTER:" + text(organizer));
        line(b, cancelled ? "STATUS:CANCELLED" : "STATUS:CONFIRMED");
        line(b, "END:VEVENT");
        line(b, "END:VCALENDAR");
        return b.toString();
    }

    /** TEXT escaping: backslash, semicolon, comma, newline. */
    static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\n")
                .replace("\r", "\n").replace("\n", "\\n");
    }

    /** A content line folded so that no line is over 75 octets (continuations start with a space). */
    static void line(StringBuilder out, String content) {
        int lineBytes = 0;
        final int limit = 75;
        for (int i = 0; i < content.length(); ) {
            int cp = content.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (lineBytes + size > limit) {
                out.append("\r\n ");
                lineBytes = 1; // the continuation's leading space
            }
            out.appendCodePoint(cp);
            lineBytes += size;
            i += Character.charCount(cp);
        }
        out.append("\r\n");
    }
}
