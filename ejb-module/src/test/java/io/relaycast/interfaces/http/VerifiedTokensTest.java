package io.relaycast.interfaces.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final VerifiedTokens tokens = new VerifiedTokens(now::get);
    private final BearerTokens.TokenCaller frank = new BearerTokens.TokenCaller("frank", Set.of("av-team"));
    private final AtomicInteger checks = new AtomicInteger();

    private VerifiedTokens.Check valid(long forMillis) {
        return () -> {
            checks.incrementAndGet();
            return new VerifiedTokens.Verified(frank, now.get() + forMillis);
        };
    }

    @Test
    void aTokenIsCheckedOnceAndKnownUntilItExpires() throws Exception {
        assertEquals(frank, tokens.verify("t1", valid(60_000)));
        assertEquals(frank, tokens.verify("t1", valid(60_000)));
        assertEquals(1, checks.get(), "the second use does not reach the JWT consumer (it would call it a replay)");
        now.addAndGet(60_000);
        tokens.verify("t1", valid(60_000));
        assertEquals(2, checks.get(), "expired: checked again");
    }

    @Test
    void aRefusedTokenIsNotRemembered() {
        VerifiedTokens.Check refuse = () -> {
            checks.incrementAndGet();
            throw new BearerTokens.Refused("no");
        };
        assertThrows(BearerTokens.Refused.class, () -> tokens.verify("bad", refuse));
        assertThrows(BearerTokens.Refused.class, () -> tokens.verify("bad", refuse));
        assertEquals(2, checks.get());
        assertEquals(0, tokens.size());
    }

    @Test
    void concurrentFirstUsesWaitForOneCheck() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        VerifiedTokens.Check slow = () -> {
            checks.incrementAndGet();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new VerifiedTokens.Verified(frank, now.get() + 60_000);
        };
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Future<?>[] calls = new Future<?>[4];
            for (int i = 0; i < calls.length; i++) {
                calls[i] = pool.submit(() -> tokens.verify("t", slow));
            }
            Thread.sleep(200);
            release.countDown();
            for (Future<?> f : calls) {
                assertEquals(frank, f.get(5, TimeUnit.SECONDS));
            }
            assertEquals(1, checks.get());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void whenFullOfLiveTokensTheOneClosestToExpiryMakesRoom() throws Exception {
        for (int i = 0; i < VerifiedTokens.MAX_ENTRIES; i++) {
            tokens.verify("t" + i, valid(i == 7 ? 1_000 : 60_000));
        }
        tokens.verify("new", valid(60_000));
        assertEquals(VerifiedTokens.MAX_ENTRIES, tokens.size());
        int before = checks.get();
        tokens.verify("new", valid(60_000));
        tokens.verify("t8", valid(60_000));
        assertEquals(before, checks.get(), "kept");
        tokens.verify("t7", valid(60_000));
        assertEquals(before + 1, checks.get(), "t7 made room");
    }
}
