package io.relaycast.application.internal;

import io.relaycast.application.signaling.RateLimiter;
import io.relaycast.domain.model.RateLimitedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Per-user limits on chat and likes, whichever way they arrive (REST or WebSocket), so one
 * account cannot flood a room or the database. The stream's owner is not limited in its own room.
 */
@ApplicationScoped
public class UserActionLimits {

    /** Limiters unused for this long are forgotten. */
    private static final long IDLE_NANOS = 10L * 60 * 1_000_000_000L;

    @Inject
    @ConfigProperty(name = "chat.max-messages-per-second", defaultValue = "5")
    int chatPerSecond;

    @Inject
    @ConfigProperty(name = "likes.max-per-second", defaultValue = "20")
    int likesPerSecond;

    private record Entry(RateLimiter limiter, long[] lastUse) {
    }

    private final Map<String, Entry> limiters = new ConcurrentHashMap<>();

    public void chat(String userId) {
        check("chat", userId, chatPerSecond, "You are sending chat messages too fast; wait a moment.");
    }

    public void like(String userId) {
        check("like", userId, likesPerSecond, "You are liking too fast; wait a moment.");
    }

    private void check(String action, String userId, int perSecond, String message) {
        long now = System.nanoTime();
        Entry e = limiters.computeIfAbsent(action + ':' + userId,
                k -> new Entry(new RateLimiter(perSecond, now), new long[1]));
        RateLimiter.Verdict verdict;
        synchronized (e) {
            e.lastUse()[0] = now;
            verdict = e.limiter().acquire(now);
        }
        if (limiters.size() > 10_000) {
            limiters.values().removeIf(x -> now - x.lastUse()[0] > IDLE_NANOS);
        }
        if (verdict != RateLimiter.Verdict.ALLOW) {
            throw new RateLimitedException(message);
        }
    }
}
