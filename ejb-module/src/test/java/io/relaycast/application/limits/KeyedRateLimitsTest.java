package io.relaycast.application.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class KeyedRateLimitsTest {

    final AtomicLong now = new AtomicLong(1_000_000_000L);

    @Test
    void eachKeyHasItsBurstThenWaitsForTheRate() {
        KeyedRateLimits limits = new KeyedRateLimits(5.0 / 300, 5, now::get); // 5 failures per 5 minutes
        for (int i = 0; i < 5; i++) {
            assertEquals(0, limits.take("mallory"));
        }
        long wait = limits.take("mallory");
        assertTrue(wait > 55e9 && wait <= 60e9, "one failure back after a minute: " + wait);
        assertEquals(0, limits.take("carol"), "other keys are not affected");
        assertTrue(limits.waitFor("mallory") > 0);
        now.addAndGet(60_000_000_000L);
        assertEquals(0, limits.waitFor("mallory"));
        assertEquals(0, limits.take("mallory"));
    }

    @Test
    void idleKeysAreForgottenSoInventedKeysCannotGrowTheMap() {
        KeyedRateLimits limits = new KeyedRateLimits(10, 50, now::get);
        for (int i = 0; i < 10_500; i++) {
            limits.take("address-" + i);
        }
        now.addAndGet(120_000_000_000L);
        limits.take("one more");
        assertTrue(limits.size() < 100, "left: " + limits.size());
    }
}
