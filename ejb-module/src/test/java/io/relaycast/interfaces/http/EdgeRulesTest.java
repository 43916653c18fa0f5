package io.relaycast.interfaces.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.relaycast.domain.model.shared.SameOriginPath;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The pure rules behind the HTTP edge: credentials, origins, same-origin paths. */
class EdgeRulesTest {

    static String basic(String raw) {
        return "Basic " + Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void basicCredentialsAreTakenApartWithoutTrustingThem() {
        assertEquals(Optional.of(new BasicCredentials("alice", "pa:ss")), BasicCredentials.parse(basic("alice:pa:ss")));
        assertEquals(Optional.of(new BasicCredentials("carol", "")), BasicCredentials.parse(basic("carol:")));
        assertTrue(BasicCredentials.parse("bAsIc " + Base64.getEncoder().encodeToString("a:b".getBytes())).isPresent());
        assertTrue(BasicCredentials.parse(basic("nocolon")).isEmpty());
        assertTrue(BasicCredentials.parse(basic(":nouser")).isEmpty());
        assertTrue(BasicCredentials.parse(basic("a\nb:c")).isEmpty());
        assertTrue(BasicCredentials.parse("Basic !!!").isEmpty());
        assertTrue(BasicCredentials.parse("Basic ").isEmpty());
        assertTrue(BasicCredentials.parse("Basic " + Base64.getEncoder().encodeToString(new byte[] {(byte) 0xff, ':', 'x'})).isEmpty());
        assertTrue(BasicCredentials.parse("Bearer abc").isEmpty());
        assertFalse(BasicCredentials.isBasic("Basically"));
        assertFalse(new BasicCredentials("alice", "secret").toString().contains("secret"));
    }

    @Test
    void onlyTheServersOwnOriginOrListedOnesMayOpenSockets() {
        AllowedOrigins origins = new AllowedOrigins();
        origins.configured = Optional.of(" https://Intranet.example.com/ , http://tv.example:8080");
        assertTrue(origins.allows(null, "localhost:9080"), "not a browser");
        assertTrue(origins.allows("http://localhost:9080", "localhost:9080"));
        assertTrue(origins.allows("https://relay.example.com", "relay.example.com"), "behind a TLS proxy");
        assertTrue(origins.allows("https://intranet.example.com", "relay.example.com"));
        assertTrue(origins.allows("http://tv.example:8080", "relay.example.com"));
        assertFalse(origins.allows("https://evil.example", "localhost:9080"));
        assertFalse(origins.allows("http://localhost:9081", "localhost:9080"));
        assertFalse(origins.allows("null", "localhost:9080"));
        assertFalse(origins.allows("file://localhost:9080", "localhost:9080"));
        assertFalse(origins.allows("http://localhost:9080.evil.example", "localhost:9080"));
    }

    @Test
    void sameOriginPathsCannotBeReadAsAnotherHost() {
        for (String ok : new String[] {"/", "/console", "/watch/6f1c?x=1#y", "/%5Cevil.example", "/a//b"}) {
            assertTrue(SameOriginPath.isSafe(ok), ok);
        }
        for (String bad : new String[] {null, "", "//evil.example", "/\\evil.example", "/\t/evil.example",
                "/\n/evil.example", "https://evil.example", "evil.example", "/ x", "/\u0085", "/a\\b",
                "/" + "a".repeat(2048)}) {
            assertFalse(SameOriginPath.isSafe(bad), String.valueOf(bad));
        }
    }
}
