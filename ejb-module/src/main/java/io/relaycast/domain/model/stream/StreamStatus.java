package io.relaycast.domain.model.stream;

import java.util.Locale;

/** Lifecycle of a livestream: scheduled → live → ended, never backwards. */
public enum StreamStatus {
    SCHEDULED, LIVE, ENDED;

    /** The lower-case name the REST contract and the database use. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
