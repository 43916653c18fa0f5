package io.relaycast.interfaces.http;

import io.relaycast.domain.model.shared.Digests;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Bearer tokens already checked, until they expire. An access token is sent with every call, but
 * Liberty's JWT consumer refuses a token whose {@code jti} it has seen (replay protection meant for
 * one-time tokens; it cannot be switched off on a {@code jwtConsumer}): each token is checked
 * there once — one thread at a time, the others waiting for its answer — and the answer kept.
 * Keyed by the token's SHA-256, so the tokens are not kept; bounded (the oldest go first).
 */
final class VerifiedTokens {

    static final int MAX_ENTRIES = 10_000;

    /** A token's check: who it names and until when (epoch ms), or {@link BearerTokens.Refused}. */
    interface Check {
        Verified run() throws BearerTokens.Refused;
    }

    record Verified(BearerTokens.TokenCaller caller, long expiresAtMillis) {
    }

    private final Map<String, Verified> entries = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Verified>> checking = new ConcurrentHashMap<>();
    private final LongSupplier clock;

    VerifiedTokens(LongSupplier clock) {
        this.clock = clock;
    }

    BearerTokens.TokenCaller verify(String token, Check check) throws BearerTokens.Refused {
        String key = key(token);
        Optional<BearerTokens.TokenCaller> known = get(key);
        if (known.isPresent()) {
            return known.get();
        }
        CompletableFuture<Verified> mine = new CompletableFuture<>();
        CompletableFuture<Verified> other = checking.putIfAbsent(key, mine);
        if (other != null) {
            return await(other).caller();
        }
        try {
            Verified v = check.run();
            put(key, v);
            mine.complete(v);
            return v.caller();
        } catch (BearerTokens.Refused | RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            checking.remove(key, mine);
        }
    }

    private static Verified await(CompletableFuture<Verified> other) throws BearerTokens.Refused {
        try {
            return other.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof BearerTokens.Refused r) {
                throw r;
            }
            throw e;
        }
    }

    private Optional<BearerTokens.TokenCaller> get(String key) {
        Verified e = entries.get(key);
        if (e == null) {
            return Optional.empty();
        }
        if (e.expiresAtMillis() <= clock.getAsLong()) {
            entries.remove(key, e);
            return Optional.empty();
        }
        return Optional.of(e.caller());
    }

    private void put(String key, Verified v) {
        long now = clock.getAsLong();
        if (v.expiresAtMillis() <= now) {
            return;
        }
        if (entries.size() >= MAX_ENTRIES) {
            entries.values().removeIf(e -> e.expiresAtMillis() <= now);
            // still full of live tokens: the one closest to expiry goes (it would be checked again,
            // and refused as a replay, only if it is used again before it expires)
            while (entries.size() >= MAX_ENTRIES) {
                Iterator<Map.Entry<String, Verified>> it = entries.entrySet().iterator();
                Map.Entry<String, Verified> soonest = it.next();
                while (it.hasNext()) {
                    Map.Entry<String, Verified> e = it.next();
                    if (e.getValue().expiresAtMillis() < soonest.getValue().expiresAtMillis()) {
                        soonest = e;
                    }
                }
                entries.remove(soonest.getKey());
            }
        }
        entries.put(key, v);
    }

    int size() {
        return entries.size();
    }

    private static String key(String token) {
        return Digests.sha256Hex(token);
    }
}
