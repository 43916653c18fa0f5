package io.relaycast.it;

import static io.relaycast.it.Api.ALICE;
import static io.relaycast.it.Api.BOB;
import static io.relaycast.it.Api.CAROL;
import static io.relaycast.it.Api.chatBody;
import static io.relaycast.it.Api.get;
import static io.relaycast.it.Api.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Hardening, second round (issue 24, points 7 and 11), as a hostile client would try it: control
 * characters and bidirectional overrides in text and addresses, paging near integer limits. Each is
 * refused with a 400 problem (or an error message on the socket) and nothing of it is stored.
 */
class HostileInputIT {

    /** NUL (a 500 on PostgreSQL), a bell, a C1 control, and the overrides that make text read backwards. */
    private static final String[] HOSTILE = {"a\u0000b", "a\u0007b", "a\u0085b", "a\u202Eb", "a\u2066b", "a\u2069b"};

    private static String create(String title, String description) {
        return Json.createObjectBuilder().add("title", title).add("description", description).build().toString();
    }

    @Test
    void streamTitlesAndDescriptionsRefuseControlCharactersAndOverrides() {
        for (String bad : HOSTILE) {
            post("/api/livestream/create", create("Town " + bad, "d"), ALICE).expectProblem(400);
            post("/api/livestream/create", create("Town hall", "d " + bad), ALICE).expectProblem(400);
        }
        post("/api/livestream/create", create("Town\nhall", "d"), ALICE).expectProblem(400);
        String id = post("/api/livestream/create", create("Town hall", "line 1\r\nline 2\tend"), ALICE).expect(201)
                .json().getString("streamId");
        assertEquals("line 1\nline 2\tend", get("/api/livestream/" + id).expect(200).json()
                .getJsonObject("stream").getString("description"), "line ends and tabs are text");
    }

    @Test
    void chatPinsAndBansRefuseThemTooOverRestAndTheSocket() {
        String id = Api.createLiveStream(ALICE, "Hostile text " + System.nanoTime());
        String base = "/api/livestream/" + id;
        for (String bad : HOSTILE) {
            post(base + "/chat", chatBody(bad), CAROL).expectProblem(400);
            post(base + "/pins", Json.createObjectBuilder().add("title", bad).add("url", "https://example.com").build()
                    .toString(), ALICE).expectProblem(400);
            post(base + "/pins", Json.createObjectBuilder().add("title", "t").add("url", "https://example.com")
                    .add("description", bad).build().toString(), ALICE).expectProblem(400);
            post(base + "/bans", Json.createObjectBuilder().add("userId", "carol").add("reason", bad).build().toString(),
                    ALICE).expectProblem(400);
            post(base + "/bans", Json.createObjectBuilder().add("userId", "ca" + bad).build().toString(), ALICE)
                    .expectProblem(400);
        }
        try (WsClient carol = WsClient.viewer(id, CAROL)) {
            carol.send(Json.createObjectBuilder().add("type", "chat:send").add("message", "look \u202Eevil").build());
            carol.awaitError("invalid-input");
            carol.send(Json.createObjectBuilder().add("type", "chat:send").add("message", "plain").build());
            assertEquals("plain", carol.await("chat:message").getString("message"), "only the plain line was posted");
            carol.sync();
            assertEquals(0, carol.count("chat:message"));
        }
        JsonObject history = get(base + "/chat").expect(200).json();
        assertEquals(1, history.getJsonArray("messages").size());
        assertTrue(get(base + "/pins").expect(200).json().getJsonArray("pins").isEmpty(), "no pin was stored");
        assertTrue(get(base + "/bans", ALICE).expect(200).json().getJsonArray("bans").isEmpty(), "no ban was stored");
    }

    @Test
    void addressesHoldingControlCharactersAreRefusedAtTheEdge() {
        for (String path : new String[] {"/api/livestream/ab%E2%80%AEcd", "/api/livestream/active?offset=%00",
                "/watch/ab%C2%85cd", "/api/livestream/active?limit=1%E2%81%A6"}) {
            JsonObject problem = get(path).expectProblem(400);
            assertFalse(problem.toString().contains("\u0000"), "the problem does not echo the character");
        }
        for (String path : new String[] {"/api/livestream/%00", "/watch/%00", "/api/livestream/x%07/chat"}) {
            // Liberty refuses C0 controls in the path itself, before any filter: a 400 all the same
            Api.Reply reply = get(path);
            assertEquals(400, reply.status(), reply.body());
            assertFalse(reply.body().contains("Exception"), reply.body());
        }
        assertEquals(400, WsClient.handshakeStatus("ab%00cd", Map.of()), "a signaling handshake for such an id");
    }

    @Test
    void endingWithARecordingUrlHoldingControlCharactersIsRefused() {
        String id = Api.createLiveStream(ALICE, "Hostile end " + System.nanoTime());
        post("/api/livestream/" + id + "/end", "{\"recordingUrl\":\"/recordings/a\\u0000b.webm\"}", ALICE)
                .expectProblem(400);
        post("/api/livestream/" + id + "/end", "{\"recordingUrl\":\"/recordings/a\\u202Eb.webm\"}", ALICE)
                .expectProblem(400);
        assertEquals("live", get("/api/livestream/" + id).json().getJsonObject("stream").getString("status"));
    }

    @Test
    void pagingNearIntegerLimitsIsRefusedNotAFullRead() {
        for (String query : new String[] {"offset=2147483647", "offset=1000001", "limit=-1", "limit=2147483648",
                "offset=-1", "limit=0"}) {
            get("/api/livestream/active?" + query).expectProblem(400);
            get("/api/livestream/recordings?" + query).expectProblem(400);
        }
        assertTrue(get("/api/livestream/active?offset=1000000&limit=200").expect(200).json().getJsonArray("streams")
                .isEmpty(), "the deepest page allowed is simply empty");
        String id = Api.createLiveStream(ALICE, "Hostile paging " + System.nanoTime());
        get("/api/livestream/" + id + "/chat?offset=2147483647").expectProblem(400);
        assertTrue(get("/api/livestream/" + id + "/chat?offset=1000000").expect(200).json().getJsonArray("messages")
                .isEmpty());
    }

    @Test
    void streamCreationIsRateLimitedAndScheduledStreamsAreCappedPerUser() {
        // the test server allows 200 scheduled streams and 600 creations a minute (bursts of 600) per user
        long before = scheduledOf("bob");
        List<String> scheduled = new ArrayList<>();
        int capped = 0;
        Api.Reply reply = null;
        for (int i = 0; i < 2000; i++) {
            reply = post("/api/livestream/create", create("Flood " + i, "d"), BOB);
            if (reply.status() == 201) {
                scheduled.add(reply.json().getString("streamId"));
            } else if (reply.status() == 409) {
                capped++;
            } else {
                break;
            }
        }
        try {
            assertEquals(429, reply.status(), "a creation flood is cut off: " + reply.body());
            assertTrue(reply.raw().headers().firstValue("Retry-After").isPresent());
            assertEquals(200, before + scheduled.size(), "no more than the cap of scheduled streams");
            assertTrue(capped > 0, "the cap answered 409 before the rate limit");
            post("/api/livestream/create", create("Alice is not limited by Bob", "d"), ALICE).expect(201);
        } finally {
            for (String id : scheduled) {
                post("/api/livestream/" + id + "/start", null, BOB).expect(200);
                post("/api/livestream/" + id + "/end", null, BOB).expect(200);
            }
        }
    }

    private static long scheduledOf(String user) {
        long n = 0;
        for (int offset = 0; ; offset += 200) {
            List<JsonObject> page = get("/api/livestream/user/" + user + "?limit=200&offset=" + offset).expect(200).json()
                    .getJsonArray("streams").getValuesAs(JsonObject.class);
            n += page.stream().filter(s -> "scheduled".equals(s.getString("status"))).count();
            if (page.size() < 200) {
                return n;
            }
        }
    }
}
