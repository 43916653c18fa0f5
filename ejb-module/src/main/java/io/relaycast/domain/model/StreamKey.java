package io.relaycast.domain.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/** The broadcaster's secret for a stream: 256 random bits, compared in constant time. */
public final class StreamKey {

    static final int RANDOM_BYTES = 32;
    private static final String PREFIX = "rk_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private StreamKey() {
    }

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
}
