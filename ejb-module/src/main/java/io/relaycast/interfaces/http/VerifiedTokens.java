package io.relaycast.interfaces.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Bearer tokens already checked, until they expire. An access token is sent with every call, but
 * Liberty's JWT consumer refuses a token whose {@code jti} it has seen (replay protection meant for
 * one-time tokens; it cannot be switched off on a {@code jwtConsumer}): it checks each token once,
 * and this remembers the answer. Keyed by the token's SHA-256, so the tokens are not kept; bounded.
 */
final class VerifiedTokens {

    static final int MAX_ENTRIES = 10_000;

    private record Entry(BearerTokens.TokenCaller caller, long expiresAtMillis) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final LongSupplier clock;

    VerifiedTokens(LongSupplier clock) {
        this.clock = clock;
    }

    Optional<BearerTokens.TokenCaller> get(String token) {
        Entry e = entries.get(key(token));
        if (e == null) {
            return Optional.empty();
        }
        if (e.expiresAtMillis() <= clock.getAsLong()) {
            entries.remove(key(token));
            return Optional.empty();
        }
        return Optional.of(e.caller());
    }

    void put(String token, BearerTokens.TokenCaller caller, long expiresAtMillis) {
        long now = clock.getAsLong();
        if (expiresAtMillis <= now) {
            return;
        }
        if (entries.size() >= MAX_ENTRIES) {
            entries.values().removeIf(e -> e.expiresAtMillis() <= now);
            if (entries.size() >= MAX_ENTRIES) {
                return; // full of live tokens: they are checked again (and refused as replays) rather than grow
            }
        }
        entries.put(key(token), new Entry(caller, expiresAtMillis));
    }

    int size() {
        return entries.size();
    }

    private static String key(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
