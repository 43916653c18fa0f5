package io.relaycast.application.access;

import io.relaycast.domain.model.shared.Digests;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Invite tokens: {@code <inviteId>.<secret>}, the secret 256 random bits. Only the secret's
 * SHA-256 is stored, so a database dump lets nobody in, and a token cannot be guessed or forged.
 */
final class InviteSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private InviteSecrets() {
    }

    static String newSecret() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static String hash(String value) {
        return Digests.sha256Hex(value);
    }

    static boolean matches(String secret, String storedHash) {
        return MessageDigest.isEqual(hash(secret).getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    /** [inviteId, secret], or null when the token is not of that shape. */
    static String[] parse(String token) {
        if (token == null || token.length() > 200) {
            return null;
        }
        int dot = token.indexOf('.');
        return dot <= 0 || dot == token.length() - 1 ? null
                : new String[] {token.substring(0, dot), token.substring(dot + 1)};
    }
}
