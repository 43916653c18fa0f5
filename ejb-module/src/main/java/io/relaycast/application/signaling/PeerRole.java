package io.relaycast.application.signaling;

import java.util.Locale;

public enum PeerRole {
    BROADCASTER, VIEWER;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
