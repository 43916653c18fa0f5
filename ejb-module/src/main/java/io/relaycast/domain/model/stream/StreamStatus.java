package io.relaycast.domain.model.stream;

import java.util.Locale;

/** Lifecycle of a livestream: scheduled → live → ended, or scheduled → cancelled; never backwards. */
public enum StreamStatus {
    SCHEDULED, LIVE, ENDED, CANCELLED;

    /** The lower-case name the REST contract and the database use. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Nothing more will happen on air: ended, or cancelled before it started. */
    public boolean isOver() {
        return this == ENDED || this == CANCELLED;
    }
}
