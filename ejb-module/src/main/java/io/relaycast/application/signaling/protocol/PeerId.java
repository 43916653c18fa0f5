package io.relaycast.application.signaling.protocol;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/** A room member's identity as other members see it: assigned by the server, never by a client. */
public record PeerId(String value) {

    private static final SecureRandom RANDOM = new SecureRandom();

    public PeerId {
        Objects.requireNonNull(value, "peer id");
    }

    /** 96 random bits: unguessable, so a peer id is no handle for addressing strangers. */
    public static PeerId random() {
        byte[] b = new byte[12];
        RANDOM.nextBytes(b);
        return new PeerId("p_" + Base64.getUrlEncoder().withoutPadding().encodeToString(b));
    }

    public static PeerId ofNullable(String value) {
        return value == null ? null : new PeerId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
