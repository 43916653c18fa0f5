package io.relaycast.infrastructure.turn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TurnCredentialsTest {

    private static final Instant NOW = Instant.ofEpochSecond(1_795_000_000L);

    @Test
    void usernameIsExpiryColonPeerId() {
        TurnRestCredentials.Credential c = TurnRestCredentials.mint("s3cret", "viewer-1", NOW, Duration.ofHours(1));
        assertEquals((1_795_000_000L + 3600) + ":viewer-1", c.username());
        assertEquals(Instant.ofEpochSecond(1_795_000_000L + 3600), c.expiresAt());
    }

    @Test
    void credentialMatchesAnHmacSha1ComputedIndependently() {
        // Expected values computed outside Java with:
        //   printf '%s' '1795003600:viewer-1' | openssl dgst -sha1 -hmac 's3cret' -binary | base64
        TurnRestCredentials.Credential c = TurnRestCredentials.mint("s3cret", "viewer-1", NOW, Duration.ofHours(1));
        assertEquals("Vqtddyz34O09gDf+PBp9Xb16/AE=", c.password());
        // RFC 2202 test case 2 for HMAC-SHA1 ("Jefe" / "what do ya want for nothing?"), in base64.
        assertEquals("7/zfauXrL6LSdBbV8YTfnCWafHk=", TurnRestCredentials.sign("Jefe", "what do ya want for nothing?"));
    }

    @Test
    void differentSecretOrUsernameGivesADifferentCredential() {
        String a = TurnRestCredentials.sign("s3cret", "1:a");
        assertNotEquals(a, TurnRestCredentials.sign("other", "1:a"));
        assertNotEquals(a, TurnRestCredentials.sign("s3cret", "2:a"));
    }

    @Test
    void colonsInPeerIdsCannotForgeTheExpiry() {
        TurnRestCredentials.Credential c = TurnRestCredentials.mint("s", "9999999999:x", NOW, Duration.ofMinutes(5));
        assertEquals((1_795_000_000L + 300) + ":9999999999_x", c.username());
    }

    @Test
    void noSecretNoCredential() {
        assertThrows(IllegalArgumentException.class,
                () -> TurnRestCredentials.mint("", "v", NOW, Duration.ofMinutes(5)));
    }

    @Test
    void settingsParseUrlListsAndPickTheMode() {
        IceServerSettings none = IceServerSettings.parse(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), 3600);
        assertEquals(IceServerSettings.TurnMode.NONE, none.turnMode());
        assertTrue(none.stunUrls().isEmpty());

        IceServerSettings secret = IceServerSettings.parse(Optional.of("stun:127.0.0.1:3478, 127.0.0.2:3478"),
                Optional.of("127.0.0.1:3478,turns:t.example.com:5349"), Optional.of(" s "), Optional.empty(),
                Optional.empty(), 600);
        assertEquals(List.of("stun:127.0.0.1:3478", "stun:127.0.0.2:3478"), secret.stunUrls());
        assertEquals(List.of("turn:127.0.0.1:3478", "turns:t.example.com:5349"), secret.turnUrls());
        assertEquals(IceServerSettings.TurnMode.SHARED_SECRET, secret.turnMode());
        assertTrue(!secret.toString().contains("s]") && !secret.toString().contains("secret=s"));

        IceServerSettings fixed = IceServerSettings.parse(Optional.empty(), Optional.of("turn:h:3478"),
                Optional.empty(), Optional.of("u"), Optional.of("p"), 600);
        assertEquals(IceServerSettings.TurnMode.STATIC, fixed.turnMode());

        IceServerSettings serverOnly = IceServerSettings.parse(Optional.empty(), Optional.of("turn:h:3478"),
                Optional.empty(), Optional.empty(), Optional.empty(), 600);
        assertEquals(IceServerSettings.TurnMode.NONE, serverOnly.turnMode());

        assertThrows(IllegalArgumentException.class, () -> IceServerSettings.parse(Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 10));
    }
}
