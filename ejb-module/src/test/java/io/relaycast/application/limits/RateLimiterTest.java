package io.relaycast.application.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.relaycast.application.limits.RateLimiter.Verdict;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void allowsABurstOfTwiceTheRateThenRejects() {
        RateLimiter limiter = new RateLimiter(10, 0);
        for (int i = 0; i < 20; i++) {
            assertEquals(Verdict.ALLOW, limiter.acquire(0), "message " + i);
        }
        assertEquals(Verdict.REJECT, limiter.acquire(0));
    }

    @Test
    void refillsAtTheRate() {
        RateLimiter limiter = new RateLimiter(10, 0);
        for (int i = 0; i < 20; i++) {
            limiter.acquire(0);
        }
        assertEquals(Verdict.REJECT, limiter.acquire(SECOND / 20)); // half a token
        assertEquals(Verdict.ALLOW, limiter.acquire(SECOND / 10 + SECOND / 20));
        // a steady 10 per second is always fine
        for (int i = 0; i < 100; i++) {
            assertEquals(Verdict.ALLOW, limiter.acquire(2 * SECOND + i * (SECOND / 10)));
        }
    }

    @Test
    void persistentOverloadIsAFlood() {
        RateLimiter limiter = new RateLimiter(10, 0);
        for (int i = 0; i < 20; i++) {
            limiter.acquire(0);
        }
        for (int i = 0; i < 20; i++) {
            assertEquals(Verdict.REJECT, limiter.acquire(0), "rejection " + i);
        }
        assertEquals(Verdict.FLOOD, limiter.acquire(0));
    }
}
