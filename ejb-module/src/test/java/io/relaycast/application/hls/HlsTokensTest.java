package io.relaycast.application.hls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.relaycast.domain.model.stream.StreamId;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class HlsTokensTest {

    private static final StreamId STREAM = StreamId.of("6f1c0b4e-1d2a-4c53-9a7e-0c2b8a3f9d11");
    private static final StreamId OTHER = StreamId.of("0b4c6f7e-1d2a-4c53-9a7e-0c2b8a3f9d11");
    private static final Instant NOW = Instant.parse("2026-12-05T10:07:13Z");

    private static HlsTokens at(Instant now) {
        return new HlsTokens("server secret".getBytes(StandardCharsets.UTF_8), Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void aTokenOpensItsOwnStreamUntilItExpires() {
        HlsTokens.Grant grant = at(NOW).issue(STREAM);
        assertTrue(at(NOW).valid(STREAM, grant.token()));
        assertFalse(at(NOW).valid(OTHER, grant.token()), "another stream's token");
        assertTrue(at(grant.expiresAt().minusSeconds(1)).valid(STREAM, grant.token()));
        assertFalse(at(grant.expiresAt()).valid(STREAM, grant.token()), "expired");
    }

    @Test
    void everyViewerOfFiveMinutesGetsTheSameTokenSoACdnCachesOneCopy() {
        HlsTokens.Grant early = at(NOW).issue(STREAM);
        HlsTokens.Grant later = at(NOW.plusSeconds(100)).issue(STREAM);
        assertEquals(early.token(), later.token());
        assertEquals(0, early.expiresAt().getEpochSecond() % (5 * 60));
        Duration validity = Duration.between(NOW, early.expiresAt());
        assertTrue(validity.compareTo(Duration.ofMinutes(30)) >= 0 && validity.compareTo(Duration.ofMinutes(35)) <= 0, validity.toString());
    }

    @Test
    void forgedOrMangledTokensAreRefused() {
        String token = at(NOW).issue(STREAM).token();
        String expiry = token.substring(0, token.indexOf('.'));
        String longer = (Long.parseLong(expiry) + 3600) + token.substring(token.indexOf('.'));
        assertFalse(at(NOW).valid(STREAM, longer), "a later expiry needs a new signature");
        assertFalse(new HlsTokens("another secret".getBytes(StandardCharsets.UTF_8), Clock.fixed(NOW, ZoneOffset.UTC))
                .valid(STREAM, token), "another server's secret");
        for (String bad : new String[] {null, "", ".", "abc.def", "123", token + "x", "x".repeat(200)}) {
            assertFalse(at(NOW).valid(STREAM, bad), String.valueOf(bad));
        }
    }
}
