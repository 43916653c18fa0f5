package io.relaycast.application.hls;

import io.relaycast.domain.model.stream.StreamId;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signed, expiring HLS tokens: {@code <expiry epoch seconds>.<HMAC of stream and expiry>}. A token
 * is handed out only to someone allowed to watch, for half an hour (a viewer taken off the list
 * keeps a copy at most that long; the page asks for a new one when it is refused); it is the same
 * for every viewer of a stream within five minutes (its expiry is rounded up), so a CDN that keeps
 * the query in its cache key still serves one copy to the whole audience.
 */
@ApplicationScoped
public class HlsTokens {

    private static final Logger LOG = Logger.getLogger(HlsTokens.class.getName());
    static final Duration VALIDITY = Duration.ofMinutes(30);
    static final long ROUNDING_SECONDS = 5 * 60;

    @Inject
    @ConfigProperty(name = "hls.token-secret")
    Optional<String> configuredSecret;

    @Inject
    Clock clock;

    private SecretKeySpec key;

    /** A token valid until {@code expiresAt}. */
    public record Grant(String token, Instant expiresAt) {
    }

    HlsTokens() {
    }

    /** For tests: a fixed secret and clock. */
    HlsTokens(byte[] secret, Clock clock) {
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.clock = clock;
    }

    @PostConstruct
    void init() {
        byte[] secret = configuredSecret.filter(s -> !s.isBlank()).map(s -> s.getBytes(StandardCharsets.UTF_8))
                .orElseGet(() -> {
                    LOG.info("HLS_TOKEN_SECRET is not set: HLS links last until this server restarts "
                            + "(set the same secret on every server of a cluster)");
                    byte[] b = new byte[32];
                    new SecureRandom().nextBytes(b);
                    return b;
                });
        key = new SecretKeySpec(secret, "HmacSHA256");
    }

    public Grant issue(StreamId stream) {
        long at = clock.instant().plus(VALIDITY).getEpochSecond();
        long expiry = (at + ROUNDING_SECONDS - 1) / ROUNDING_SECONDS * ROUNDING_SECONDS;
        return new Grant(expiry + "." + signature(stream, expiry), Instant.ofEpochSecond(expiry));
    }

    /** Whether the token was issued for this stream by a server with this secret, and has not expired. */
    public boolean valid(StreamId stream, String token) {
        if (token == null || token.length() > 100) {
            return false;
        }
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return false;
        }
        long expiry;
        try {
            expiry = Long.parseLong(token.substring(0, dot));
        } catch (NumberFormatException e) {
            return false;
        }
        byte[] expected = signature(stream, expiry).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII))
                && clock.instant().getEpochSecond() < expiry;
    }

    private String signature(StreamId stream, long expiry) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] sig = mac.doFinal((stream.value() + "." + expiry).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
