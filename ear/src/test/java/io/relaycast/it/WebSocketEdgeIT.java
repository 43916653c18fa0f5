package io.relaycast.it;

import static io.relaycast.it.Api.ALICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The signaling handshake and frames at the edge: credentials, Origin, binary frames, errors. */
class WebSocketEdgeIT {

    static String basic(String userColonPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userColonPassword.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aForeignOriginIsRefusedEvenWithTheOwnersCredentials() {
        JsonObject s = Api.createStream(ALICE, "Origin " + System.nanoTime());
        String id = s.getString("streamId");
        assertEquals(403, WsClient.handshakeStatus(id, Map.of("Origin", "https://evil.example",
                "Authorization", basic(ALICE))));
        assertEquals(403, WsClient.handshakeStatus(id, Map.of("Origin", "null")));
        assertEquals(101, WsClient.handshakeStatus(id, Map.of("Origin", Api.BASE)), "the server's own pages");
        assertEquals(101, WsClient.handshakeStatus(id, Map.of("Authorization", basic(ALICE))), "no Origin: not a browser");
    }

    @Test
    void wrongOrMalformedCredentialsAreRefusedNotDowngraded() {
        String id = Api.createStream(ALICE, "Creds " + System.nanoTime()).getString("streamId");
        assertEquals(401, WsClient.handshakeStatus(id, Map.of("Authorization", basic("carol:not-her-password"))));
        assertEquals(401, WsClient.handshakeStatus(id, Map.of("Authorization", basic("no-colon-at-all"))));
        assertEquals(401, WsClient.handshakeStatus(id, Map.of("Authorization", "Basic %%%not-base64")));
        assertEquals(101, WsClient.handshakeStatus(id, Map.of("Authorization", basic("carol:carol-demo"))));
    }

    @Test
    void aBinaryFrameClosesTheSocketWith1003() {
        JsonObject s = SignalingNegotiationIT.liveStream("Binary");
        try (WsClient v = WsClient.viewer(s.getString("streamId"), null)) {
            v.sendBinary(new byte[256 * 1024]);
            assertEquals(1003, v.awaitClose(Duration.ofSeconds(10)));
        }
        try (WsClient other = WsClient.viewer(s.getString("streamId"), null)) {
            other.sync();
            assertFalse(other.isClosed(), "others are not affected");
        }
    }

    @Test
    void errorsUnderWsAreProblemsWithTheSecurityHeaders() {
        Api.Reply r = Api.get("/ws/no/such/thing");
        r.expectProblem(404);
        assertTrue(r.raw().headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'self'"));
        assertEquals("nosniff", r.raw().headers().firstValue("X-Content-Type-Options").orElse(""));
    }

    @Test
    void theUpgradeAnswerIsLeanButARefusalCarriesTheSecurityHeaders() throws IOException {
        String id = Api.createStream(ALICE, "Lean " + System.nanoTime()).getString("streamId");
        String accepted = rawHandshake(id, null);
        assertTrue(accepted.startsWith("HTTP/1.1 101"), accepted);
        assertFalse(accepted.toLowerCase().contains("content-security-policy"), accepted);
        String refused = rawHandshake(id, "https://evil.example");
        assertTrue(refused.startsWith("HTTP/1.1 403"), refused);
        assertNotNull(headerLine(refused, "content-security-policy"), refused);
        assertNotNull(headerLine(refused, "x-content-type-options"), refused);
    }

    /** The head of the answer to a hand-written upgrade request (the JDK client hides a 101's headers). */
    private static String rawHandshake(String streamId, String origin) throws IOException {
        URI base = URI.create(Api.BASE);
        try (Socket s = new Socket(base.getHost(), base.getPort())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(("GET /ws/livestream/" + streamId + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                    + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13"
                    + "\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ=="
                    + (origin == null ? "" : "\r\nOrigin: " + origin) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                head.append((char) b);
            }
            return head.toString();
        }
    }

    private static String headerLine(String head, String name) {
        return head.lines().filter(l -> l.toLowerCase().startsWith(name + ":")).findFirst().orElse(null);
    }
}
