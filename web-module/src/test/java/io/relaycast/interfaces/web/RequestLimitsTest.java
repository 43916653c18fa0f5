package io.relaycast.interfaces.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.relaycast.interfaces.http.CredentialCheck.Refusal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RequestLimitsTest {

    final RequestLimits limits = new RequestLimits();

    RequestLimitsTest() {
        limits.maxJsonBytes = 65_536;
        limits.maxChunkBytes = 16_777_216;
        limits.maxThumbnailBytes = 524_288;
    }

    Optional<Integer> status(String method, String path, boolean signedIn, long length, String type) {
        return limits.check(new RequestLimits.Head(method, path, signedIn, length, type)).map(Refusal::status);
    }

    @Test
    void anonymousWritesAreRefusedButJoiningLeavingAndSigningIn() {
        assertEquals(Optional.of(401), status("POST", "/api/livestream/s/chat", false, 200_000_000, "application/json"));
        assertEquals(Optional.of(401), status("POST", "/api/livestream/s/end", false, 0, null));
        assertEquals(Optional.of(401), status("PUT", "/api/livestream/s/recording/segments/0/chunks/0", false, 10, "video/webm"));
        assertEquals(Optional.of(401), status("DELETE", "/api/webhooks/1", false, 0, null));
        assertEquals(Optional.empty(), status("POST", "/api/livestream/s/join", false, 0, null));
        assertEquals(Optional.empty(), status("POST", "/api/livestream/s/leave", false, 40, "application/json"));
        assertEquals(Optional.empty(), status("POST", "/api/session", false, 0, null));
        assertEquals(Optional.empty(), status("GET", "/api/livestream/active", false, 0, null));
        assertEquals(Optional.empty(), status("POST", "/signin", false, 30, "application/x-www-form-urlencoded"), "pages are not the API");
    }

    @Test
    void bodiesFitTheirEndpoint() {
        assertEquals(Optional.of(413), status("POST", "/api/livestream/s/chat", true, 65_537, "application/json"));
        assertEquals(Optional.empty(), status("POST", "/api/livestream/s/chat", true, 65_536, "application/json; charset=utf-8"));
        assertEquals(Optional.empty(), status("PUT", "/api/livestream/s/recording/segments/1/chunks/9", true, 16_777_216, "video/webm"));
        assertEquals(Optional.of(413), status("PUT", "/api/livestream/s/recording/segments/1/chunks/9", true, 16_777_217, "video/webm"));
        assertEquals(Optional.of(413), status("PUT", "/api/livestream/s/thumbnail", true, 524_289, "image/jpeg"));
        assertEquals(Optional.of(415), status("POST", "/api/livestream/s/end", true, 10, "text/plain"));
        assertEquals(Optional.of(415), status("POST", "/api/livestream/s/end", true, -1, null), "a chunked body without a type");
        assertEquals(Optional.empty(), status("POST", "/api/livestream/s/end", true, 0, null), "no body at all");
        assertTrue(status("POST", "/api/livestream/create", true, 100, "application/problem+json").isEmpty());
    }
}
