package io.relaycast.infrastructure.turn;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-limited TURN credentials in the "TURN REST API" scheme that coturn checks with
 * {@code use-auth-secret}: username {@code <unix expiry>:<peer id>},
 * credential base64(HMAC-SHA1(secret, username)).
 */
public final class TurnRestCredentials {

    private TurnRestCredentials() {
    }

    public record Credential(String username, String password, Instant expiresAt) {
        @Override
        public String toString() {
            return "Credential[username=" + username + "]";
        }
    }

    public static Credential mint(String sharedSecret, String peerId, Instant now, Duration ttl) {
        if (sharedSecret == null || sharedSecret.isEmpty()) {
            throw new IllegalArgumentException("TURN shared secret is not configured");
        }
        long expiry = now.plus(ttl).getEpochSecond();
        // ':' separates expiry from id in coturn's parsing; keep ids free of it.
        String username = expiry + ":" + peerId.replace(':', '_');
        return new Credential(username, sign(sharedSecret, username), Instant.ofEpochSecond(expiry));
    }

    static String sign(String sharedSecret, String username) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(sharedSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is not available", e);
        }
    }
}
