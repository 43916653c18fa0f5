package io.relaycast.interfaces.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How server-rendered pages show an instant (UTC; the pages' scripts show local times where they can). */
final class PageTime {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private PageTime() {
    }

    static String format(Instant instant) {
        return instant == null ? "" : FORMAT.format(instant);
    }
}
