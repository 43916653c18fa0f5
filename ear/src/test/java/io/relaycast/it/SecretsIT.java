package io.relaycast.it;

import static io.relaycast.it.Api.ALICE;
import static io.relaycast.it.Api.BOB;
import static io.relaycast.it.Api.CAROL;
import static io.relaycast.it.Api.get;
import static io.relaycast.it.Api.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Stream keys and the TURN secret reach only those who may see them. */
class SecretsIT {

    /** Configured for the integration-test server in ear/pom.xml. */
    static final String TURN_SECRET = System.getProperty("relaycast.turnSecret", "it-shared-secret");

    @Test
    void streamKeyOnlyInCreateAndTheOwnersDetail() {
        JsonObject created = Api.createStream(ALICE, "Secret " + System.nanoTime());
        String id = created.getString("streamId");
        String key = created.getString("streamKey");
        String base = "/api/livestream/" + id;
        post(base + "/start", null, ALICE).expect(200);
        post(base + "/join", null, CAROL).expect(200);
        post(base + "/chat", Api.chatBody("hi"), CAROL).expect(201);

        assertEquals(key, get(base, ALICE).expect(200).json().getJsonObject("stream").getString("streamKey"));

        List<Api.Reply> others = List.of(
                get(base), get(base, BOB), get(base, CAROL),
                get("/api/livestream/active?limit=200"), get("/api/livestream/active?limit=200", ALICE),
                get("/api/livestream/user/alice?limit=200"), get("/api/livestream/user/alice?limit=200", ALICE),
                get(base + "/stats", BOB), get(base + "/chat", BOB),
                post(base + "/join", null, BOB), post(base + "/like", null, BOB),
                post(base + "/start", null, BOB), get("/openapi"));
        for (Api.Reply r : others) {
            assertFalse(r.body().contains(key), () -> "stream key leaked in " + r.raw().uri() + ": " + r.body());
        }
        assertFalse(get(base, BOB).json().getJsonObject("stream").containsKey("streamKey"));
    }

    @Test
    void streamKeysNeverReachTheServerLog() throws IOException {
        String key = Api.createStream(BOB, "Log " + System.nanoTime()).getString("streamKey");
        Path logs = Path.of(System.getProperty("relaycast.wlpDir"), "usr", "servers",
                System.getProperty("relaycast.serverName"), "logs");
        try (var files = Files.list(logs)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertFalse(Files.readString(f, StandardCharsets.ISO_8859_1).contains(key), "key found in " + f);
            }
        }
    }

    @Test
    void joinHandsOutTimeLimitedTurnCredentialsSignedWithTheSharedSecret() throws Exception {
        String id = Api.createLiveStream(ALICE, "TURN " + System.nanoTime());
        Api.Reply reply = post("/api/livestream/" + id + "/join", null, null).expect(200);
        JsonObject join = reply.json();
        String viewerId = join.getString("viewerId");
        var servers = join.getJsonArray("iceServers").getValuesAs(JsonObject.class);
        JsonObject stun = servers.stream().filter(s -> !s.containsKey("credential")).findFirst().orElseThrow();
        assertEquals("stun:127.0.0.1:3478", stun.getJsonArray("urls").getString(0));
        JsonObject turn = servers.stream().filter(s -> s.containsKey("credential")).findFirst().orElseThrow();
        assertEquals("turn:127.0.0.1:3478", turn.getJsonArray("urls").getString(0));

        String username = turn.getString("username");
        String[] parts = username.split(":", 2);
        assertEquals(viewerId, parts[1]);
        long expiry = Long.parseLong(parts[0]);
        long now = System.currentTimeMillis() / 1000;
        assertTrue(expiry > now + 3000 && expiry <= now + 3600 + 5, "TTL is the configured 3600 s: " + expiry);

        assertEquals(turnCredential(TURN_SECRET, username), turn.getString("credential"));
        assertFalse(reply.body().contains(TURN_SECRET), "the shared secret itself never appears");
    }

    /** base64(HMAC-SHA1(secret, username)), computed here independently of the server's code. */
    static String turnCredential(String secret, String username) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
    }
}
