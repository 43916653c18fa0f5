package io.relaycast.it;

import static io.relaycast.it.Api.ALICE;
import static io.relaycast.it.Api.CAROL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random and mutated input to the WebSocket and REST edges, a bounded number of cases with a fixed
 * seed (a failure can be replayed): never a 500 or a stack trace, never a closed socket for a
 * malformed text message, and the server healthy afterwards.
 */
class FuzzIT {

    static final long SEED = 20261121L;
    static final List<String> SEEDS = List.of(
            "{\"type\":\"stream:join\",\"role\":\"viewer\"}",
            "{\"type\":\"stream:answer\",\"sdp\":{\"type\":\"answer\",\"sdp\":\"v=0\"}}",
            "{\"type\":\"stream:ice-candidate\",\"to\":\"p_x\",\"candidate\":{\"candidate\":\"c\",\"sdpMid\":\"0\"}}",
            "{\"type\":\"chat:send\",\"message\":\"hello\"}",
            "{\"type\":\"like\"}",
            "{\"type\":\"ping\"}",
            "{\"title\":\"t\",\"description\":\"d\",\"recordingEnabled\":true,\"scheduledAt\":\"2030-01-01T00:00:00Z\"}",
            "{\"message\":\"hi\"}",
            "{\"viewerId\":\"0b4c6f7e-0000-0000-0000-000000000000\"}",
            "{\"recordingUrl\":\"/x\"}");
    static final String[] ODD = {"\u0000", "\uFFFF", "\uD800", "😀", "\u202E", "\\u0000", "null", "[]", "{}", "1e999",
            "-0", "\"", "\\", "true", "9223372036854775808", "\u00e9", "<script>"};

    /** One mutation of a seed: flip, cut, repeat, inject, nest, change a type, or plain garbage. */
    static String mutate(Random r, String seed) {
        StringBuilder s = new StringBuilder(seed);
        switch (r.nextInt(9)) {
            case 0 -> s.setCharAt(r.nextInt(s.length()), (char) r.nextInt(0x3000));
            case 1 -> s.setLength(r.nextInt(s.length()));
            case 2 -> s.insert(r.nextInt(s.length()), ODD[r.nextInt(ODD.length)]);
            case 3 -> s.replace(0, s.length(), seed.replaceFirst("\"[^\"]*\"(?=[,}])",
                    java.util.regex.Matcher.quoteReplacement(ODD[r.nextInt(ODD.length)])));
            case 4 -> s.replace(0, s.length(), "[".repeat(1 + r.nextInt(3000)) + seed);
            case 5 -> s.replace(0, s.length(), seed.replace("}", ",\"x\":" + "{\"y\":".repeat(r.nextInt(2000)) + "1"
                    + "}".repeat(0) + "}"));
            case 6 -> s.replace(0, s.length(), seed.replaceAll("\"(viewer|hello|hi|t|d|/x|answer|c)\"",
                    r.nextBoolean() ? "12345" : "{\"a\":[1,2,{}]}"));
            case 7 -> s.replace(0, s.length(), seed.replace("hello", "x".repeat(r.nextInt(70_000))));
            default -> {
                byte[] b = new byte[r.nextInt(200)];
                r.nextBytes(b);
                s.replace(0, s.length(), new String(b, java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        }
        return s.toString();
    }

    @Test
    void webSocketInputNeverClosesTheSocketOrBreaksTheServer() throws InterruptedException {
        JsonObject s = SignalingNegotiationIT.liveStream("Fuzz ws");
        String id = s.getString("streamId");
        Random r = new Random(SEED);
        try (WsClient b = WsClient.broadcaster(id, s.getString("streamKey")).keepAlive();
             WsClient v = WsClient.viewer(id, "carol:carol-demo")) {
            for (int i = 0; i < 200; i++) {
                String frame = mutate(r, SEEDS.get(r.nextInt(6)));
                assertTrue(v.trySend(frame), "the socket was closed after case " + i);
                Thread.sleep(40); // under the per-session rate limit, so that every frame is looked at
                if (i % 20 == 19) {
                    v.sync(); // the socket still answers
                }
            }
            v.sync();
            assertFalse(v.isClosed());
            assertFalse(b.isClosed());
            assertTrue(v.all().stream().noneMatch(m -> "internal".equals(m.getString("code", null))),
                    "no internal errors: " + v.all());
        }
    }

    @Test
    void restInputNeverGetsA500() {
        String id = Api.createLiveStream(ALICE, "Fuzz rest " + System.nanoTime());
        String[][] targets = {
                {"POST", "/api/livestream/create", ALICE}, {"POST", "/api/livestream/" + id + "/chat", CAROL},
                {"POST", "/api/livestream/" + id + "/leave", null}, {"POST", "/api/livestream/" + id + "/end", "bob:bob-demo"},
                {"GET", "/api/livestream/active?limit=", null}, {"GET", "/api/livestream/", null},
                {"GET", "/watch/", null}, {"GET", "/profile/", null}};
        Random r = new Random(SEED + 1);
        for (int i = 0; i < 400; i++) {
            String[] t = targets[r.nextInt(targets.length)];
            String body = mutate(r, SEEDS.get(6 + r.nextInt(4)));
            Api.Reply reply = t[0].equals("GET")
                    ? Api.get(t[1] + encodeLoosely(mutate(r, "abc")), t[2])
                    : Api.send(t[0], t[1], body, t[2], r.nextInt(5) == 0 ? "text/plain" : "application/json");
            assertTrue(reply.status() < 500, "case " + i + " " + t[0] + " " + t[1] + " → " + reply.status() + " " + reply.body());
            assertFalse(reply.body().contains("Exception") || reply.body().contains("\tat "), reply.body());
        }
        assertEquals(200, Api.get("/health/ready").status());
        assertEquals("live", Api.get("/api/livestream/" + id).json().getJsonObject("stream").getString("status"));
    }

    /** Percent-encodes what an HTTP client would refuse to send, keeps the rest odd. */
    static String encodeLoosely(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "-._~!$&'()*+,;=:@/".indexOf(c) >= 0;
            out.append(plain ? String.valueOf((char) c) : String.format("%%%02X", c));
        }
        return out.toString();
    }
}
