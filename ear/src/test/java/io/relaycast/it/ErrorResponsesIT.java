package io.relaycast.it;

import static io.relaycast.it.Api.ALICE;
import static io.relaycast.it.Api.BOB;
import static io.relaycast.it.Api.CAROL;
import static io.relaycast.it.Api.get;
import static io.relaycast.it.Api.post;
import static io.relaycast.it.Api.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/** Every error is a problem body with the right status, and nothing changes state. */
class ErrorResponsesIT {

    private static final String MISSING = "/api/livestream/00000000-0000-0000-0000-000000000000";

    @Test
    void badRequests400() {
        Api.post("/api/livestream/create", "{\"title\":", ALICE).expectProblem(400);
        Api.post("/api/livestream/create", "{\"title\":\"   \"}", ALICE).expectProblem(400);
        Api.post("/api/livestream/create", "{\"title\":\"" + "t".repeat(201) + "\"}", ALICE).expectProblem(400);
        Api.post("/api/livestream/create", "{\"title\":\"x\",\"scheduledAt\":\"2001-01-01T00:00:00Z\"}", ALICE)
                .expectProblem(400);
        Api.post("/api/livestream/create", "[1,2]", ALICE).expectProblem(400);
        // "yes" must not silently mean "recording off"
        Api.post("/api/livestream/create", "{\"title\":\"x\",\"recordingEnabled\":\"yes\"}", ALICE).expectProblem(400);
        Api.post("/api/livestream/create", "{\"title\":\"x\",\"recordingEnabled\":1}", ALICE).expectProblem(400);
        Api.post("/api/livestream/create", "", ALICE).expectProblem(400);
        Api.post("/api/livestream/create", null, ALICE).expectProblem(415);

        String id = Api.createLiveStream(ALICE, "Errors " + System.nanoTime());
        String base = "/api/livestream/" + id;
        JsonObject empty = post(base + "/chat", Api.chatBody("   "), CAROL).expectProblem(400);
        assertTrue(empty.getString("detail").contains("empty"));
        post(base + "/chat", Api.chatBody("x".repeat(501)), CAROL).expectProblem(400);
        post(base + "/chat", "{}", CAROL).expectProblem(400);
        post(base + "/chat", "not json", CAROL).expectProblem(400);
        post(base + "/chat", Api.chatBody("x".repeat(500)), CAROL).expect(201);
        assertEquals(1, get(base + "/chat").json().getJsonArray("messages").size(), "rejected messages are not stored");

        get(base + "/chat?limit=0").expectProblem(400);
        get(base + "/chat?limit=201").expectProblem(400);
        get(base + "/chat?offset=-1").expectProblem(400);
        get(base + "/chat?limit=abc").expectProblem(400);
        get("/api/livestream/active?limit=500").expectProblem(400);
        post(base + "/leave", "{}", null).expectProblem(400);
        post(base + "/end", "{\"recordingUrl\":\"javascript:alert(1)\"}", ALICE).expectProblem(400);
        assertEquals("live", get(base).json().getJsonObject("stream").getString("status"));
        send("POST", "/api/livestream/create", "title=x", ALICE, "text/plain").expectProblem(415);
    }

    @Test
    void unauthenticated401WithChallenge() {
        String id = Api.createLiveStream(ALICE, "Auth " + System.nanoTime());
        String base = "/api/livestream/" + id;
        Api.Reply r = post("/api/livestream/create", "{\"title\":\"x\"}", null);
        r.expectProblem(401);
        assertTrue(r.raw().headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
        post("/api/livestream/create", "{\"title\":\"x\"}", "alice:wrong-password").expectProblem(401);
        post(base + "/chat", Api.chatBody("hi"), null).expectProblem(401);
        post(base + "/like", null, null).expectProblem(401);
        post(base + "/end", null, null).expectProblem(401);
        assertEquals(0, get(base + "/stats").json().getInt("likes"));
    }

    @Test
    void forbidden403() {
        post("/api/livestream/create", "{\"title\":\"x\"}", CAROL).expectProblem(403);
        String id = Api.createStream(ALICE, "Owned " + System.nanoTime()).getString("streamId");
        String base = "/api/livestream/" + id;
        post(base + "/start", null, BOB).expectProblem(403);
        post(base + "/start", null, CAROL).expectProblem(403);
        assertEquals("scheduled", get(base).json().getJsonObject("stream").getString("status"));
        post(base + "/start", null, ALICE).expect(200);
        post(base + "/end", null, BOB).expectProblem(403);
        assertEquals("live", get(base).json().getJsonObject("stream").getString("status"));
    }

    @Test
    void notFound404() {
        get(MISSING).expectProblem(404);
        get(MISSING + "/stats").expectProblem(404);
        get(MISSING + "/chat").expectProblem(404);
        post(MISSING + "/join", null, null).expectProblem(404);
        post(MISSING + "/start", null, ALICE).expectProblem(404);
        post(MISSING + "/end", null, ALICE).expectProblem(404);
        post(MISSING + "/like", null, CAROL).expectProblem(404);
        post(MISSING + "/chat", Api.chatBody("hi"), CAROL).expectProblem(404);
        String id = Api.createLiveStream(ALICE, "Viewer 404 " + System.nanoTime());
        post("/api/livestream/" + id + "/leave", "{\"viewerId\":\"nobody\"}", null).expectProblem(404);
        get("/api/no/such/path").expectProblem(404);
        get("/no-such-page").expectProblem(404);
    }

    @Test
    void conflicts409() {
        String id = Api.createStream(ALICE, "Conflicts " + System.nanoTime()).getString("streamId");
        String base = "/api/livestream/" + id;
        post(base + "/join", null, null).expectProblem(409);
        post(base + "/chat", Api.chatBody("too early"), CAROL).expectProblem(409);
        post(base + "/like", null, CAROL).expectProblem(409);
        post(base + "/end", null, ALICE).expectProblem(409);
        post(base + "/start", null, ALICE).expect(200);
        post(base + "/start", null, ALICE).expectProblem(409);
        post(base + "/end", null, ALICE).expect(200);
        post(base + "/end", null, ALICE).expectProblem(409);
        post(base + "/start", null, ALICE).expectProblem(409);
        post(base + "/join", null, CAROL).expectProblem(409);
        post(base + "/chat", Api.chatBody("too late"), CAROL).expectProblem(409);
        post(base + "/like", null, CAROL).expectProblem(409);
        JsonObject stats = get(base + "/stats").json();
        assertEquals(0, stats.getInt("chatMessages"));
        assertEquals(0, stats.getInt("likes"));
        assertEquals(0, stats.getInt("totalViewers"));
    }

    @Test
    void chatFloodGets429AndNothingIsLost() {
        String id = Api.createLiveStream(ALICE, "Flood " + System.nanoTime());
        String base = "/api/livestream/" + id;
        int accepted = 0;
        int limited = 0;
        for (int i = 0; i < 30; i++) {
            Api.Reply r = post(base + "/chat", Api.chatBody("spam " + i), BOB);
            if (r.status() == 201) {
                accepted++;
            } else {
                r.expectProblem(429);
                assertEquals("1", r.raw().headers().firstValue("Retry-After").orElse(""));
                limited++;
            }
        }
        assertTrue(limited > 0, "30 messages at once from one user must hit the limit");
        assertTrue(accepted >= 10, "a burst of 10 is allowed, got " + accepted);
        assertEquals(accepted, get(base + "/stats").json().getInt("chatMessages"));
        // the stream's owner is not limited in its own room
        for (int i = 0; i < 15; i++) {
            post(base + "/chat", Api.chatBody("host " + i), ALICE).expect(201);
        }
    }

    @Test
    void wrongMethod405() {
        // (DELETE is cancelling a stream now: DELETE …/active names a stream "active", a 404)
        send("PUT", "/api/livestream/active", "{}", ALICE).expectProblem(405);
    }
}
