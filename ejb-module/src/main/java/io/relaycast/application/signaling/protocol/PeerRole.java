package io.relaycast.application.signaling.protocol;

import java.util.Locale;

public enum PeerRole {
    BROADCASTER, VIEWER;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
