package io.relaycast.domain.model.stream;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * The broadcaster's secret for a stream: 256 random bits, compared in constant time. A value
 * whose {@code toString} hides it, so that logging a command or an exception never leaks a key.
 */
public final class StreamKey {

    static final int RANDOM_BYTES = 32;
    private static final String PREFIX = "rk_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String secret;

    private StreamKey(String secret) {
        this.secret = Objects.requireNonNull(secret, "stream key");
    }

    /** Wraps a key a client presented (or one read from the database). */
    public static StreamKey of(String secret) {
        return new StreamKey(secret);
    }

    public static StreamKey ofNullable(String secret) {
        return secret == null ? null : new StreamKey(secret);
    }

    /** A new random key, as text for the entity column. */
    public static String generate() {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Constant-time so that the time a wrong key takes tells nothing about the right one. */
    public static boolean matches(String expected, String candidate) {
        if (expected == null || candidate == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                candidate.getBytes(StandardCharsets.UTF_8));
    }

    /** True when this presented key is the stream's key ({@code expected} may be null: no key set). */
    public boolean opens(String expected) {
        return matches(expected, secret);
    }

    /** The key itself, for the one place that must hand it back to its owner. */
    public String reveal() {
        return secret;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StreamKey k && matches(secret, k.secret);
    }

    @Override
    public int hashCode() {
        return 0; // no hash of a secret; keys are never map keys
    }

    @Override
    public String toString() {
        return "StreamKey[hidden]";
    }
}
