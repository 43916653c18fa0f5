package io.relaycast.domain.model.stream;

import java.util.Locale;
import java.util.Optional;

/**
 * How a stream's media reaches its viewers: browser to browser, through the SFU, or down a tree of
 * viewers that pass it on (relay).
 */
public enum DeliveryMode {
    P2P, SFU, RELAY;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The mode of a wire name ("p2p", "sfu"), or empty for anything else. */
    public static Optional<DeliveryMode> ofWireName(String name) {
        for (DeliveryMode m : values()) {
            if (m.wireName().equals(name)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
