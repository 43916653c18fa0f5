package io.relaycast.interfaces.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final VerifiedTokens tokens = new VerifiedTokens(now::get);
    private final BearerTokens.TokenCaller frank = new BearerTokens.TokenCaller("frank", Set.of("av-team"));

    @Test
    void aCheckedTokenIsKnownUntilItExpires() {
        tokens.put("t1", frank, now.get() + 60_000);
        assertEquals(Optional.of(frank), tokens.get("t1"));
        assertTrue(tokens.get("t2").isEmpty(), "only that very token");
        now.addAndGet(60_000);
        assertTrue(tokens.get("t1").isEmpty(), "expired");
        assertEquals(0, tokens.size());
    }

    @Test
    void anExpiredTokenIsNotRemembered() {
        tokens.put("old", frank, now.get());
        assertTrue(tokens.get("old").isEmpty());
    }

    @Test
    void theCacheIsBoundedAndMakesRoomByDroppingExpiredTokens() {
        for (int i = 0; i < VerifiedTokens.MAX_ENTRIES; i++) {
            tokens.put("t" + i, frank, now.get() + (i < 10 ? 1_000 : 60_000));
        }
        tokens.put("full", frank, now.get() + 60_000);
        assertTrue(tokens.get("full").isEmpty(), "no room among live tokens");
        now.addAndGet(1_000);
        tokens.put("later", frank, now.get() + 60_000);
        assertEquals(Optional.of(frank), tokens.get("later"));
        assertEquals(VerifiedTokens.MAX_ENTRIES - 9, tokens.size());
    }
}
