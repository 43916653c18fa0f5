package io.relaycast.interfaces.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SignedOutCookiesTest {

    @Test
    void aSignOutIsRememberedForAsLongAsTheSignInCouldLast() {
        assertEquals(Duration.ofMinutes(480), SignedOutCookies.lifetime("480m"));
        assertEquals(Duration.ofHours(8), SignedOutCookies.lifetime("8h"));
        assertEquals(Duration.ofMinutes(90), SignedOutCookies.lifetime("1h30m"));
        assertEquals(Duration.ofDays(2), SignedOutCookies.lifetime("2d"));
        assertEquals(Duration.ofHours(8), SignedOutCookies.lifetime("nonsense"), "Relaycast's default");
    }

    @Test
    void cookiesAreKeptByDigestOnly() {
        String d = SignedOutCookies.digest("AAECAwQ=token");
        assertEquals(64, d.length());
        assertEquals(d, SignedOutCookies.digest("AAECAwQ=token"));
        assertNotEquals(d, SignedOutCookies.digest("AAECAwQ=tokem"));
    }
}
