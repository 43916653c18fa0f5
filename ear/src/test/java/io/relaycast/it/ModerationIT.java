package io.relaycast.it;

import static io.relaycast.it.Api.ALICE;
import static io.relaycast.it.Api.BOB;
import static io.relaycast.it.Api.CAROL;
import static io.relaycast.it.Api.DAVE;
import static io.relaycast.it.Api.ERIN;
import static io.relaycast.it.Api.get;
import static io.relaycast.it.Api.post;
import static io.relaycast.it.Api.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * Moderation against the deployed EAR: who may delete, ban and change chat settings (owner,
 * moderator, admin — not another broadcaster, a viewer or anonymous), and what each does to chat,
 * likes and the room.
 */
class ModerationIT {

    private static long postChat(String base, String text, String who) {
        return post(base + "/chat", Api.chatBody(text), who).expect(201).json().getJsonNumber("messageId").longValue();
    }

    @Test
    void deletingAMessageTakesItOutOfHistoryAndOffEveryPage() {
        String id = Api.createLiveStream(ALICE, "Delete " + System.nanoTime());
        String base = "/api/livestream/" + id;
        long first = postChat(base, "keep me", CAROL);
        long second = postChat(base, "rude words", CAROL);
        try (WsClient viewer = WsClient.viewer(id, null)) {
            send("DELETE", base + "/chat/" + second, null, null).expectProblem(401);
            send("DELETE", base + "/chat/" + second, null, CAROL).expectProblem(403);
            send("DELETE", base + "/chat/" + second, null, BOB).expectProblem(403);
            send("DELETE", base + "/chat/999999999", null, ALICE).expectProblem(404);
            send("DELETE", base + "/chat/abc", null, ALICE).expectProblem(404);
            send("DELETE", "/api/livestream/nope/chat/" + second, null, ALICE).expectProblem(404);

            send("DELETE", base + "/chat/" + second, null, DAVE).expect(204);
            JsonObject deleted = viewer.await("chat:deleted");
            assertEquals(second, deleted.getJsonNumber("id").longValue());
            var history = get(base + "/chat").json().getJsonArray("messages");
            assertEquals(1, history.size());
            assertEquals(first, history.getJsonObject(0).getJsonNumber("id").longValue());
            send("DELETE", base + "/chat/" + second, null, DAVE).expectProblem(404);
            send("DELETE", base + "/chat/" + first, null, ALICE).expect(204);
            send("DELETE", base + "/chat/" + postChat(base, "admin cleans too", CAROL), null, ERIN).expect(204);
        }
    }

    @Test
    void aBannedUserCanNeitherChatNorLikeOverRestOrTheSocket() {
        String id = Api.createLiveStream(ALICE, "Ban " + System.nanoTime());
        String base = "/api/livestream/" + id;
        String body = "{\"userId\":\"carol\",\"reason\":\"spam\",\"minutes\":60}";
        post(base + "/bans", body, null).expectProblem(401);
        post(base + "/bans", body, CAROL).expectProblem(403);
        post(base + "/bans", body, BOB).expectProblem(403);
        post(base + "/bans", "{\"reason\":\"no user\"}", ALICE).expectProblem(400);
        post(base + "/bans", "{\"userId\":\"carol\",\"minutes\":0}", ALICE).expectProblem(400);
        post(base + "/bans", "{\"userId\":\"alice\"}", DAVE).expectProblem(403);
        post("/api/livestream/nope/bans", body, ALICE).expectProblem(404);

        JsonObject ban = post(base + "/bans", body, DAVE).expect(201).json();
        assertEquals("carol", ban.getString("userId"));
        assertEquals("dave", ban.getString("createdBy"));
        assertTrue(ban.containsKey("expiresAt"));
        post(base + "/bans", body, ALICE).expectProblem(409);
        assertEquals("carol", get(base + "/bans", ALICE).expect(200).json().getJsonArray("bans")
                .getJsonObject(0).getString("userId"));
        get(base + "/bans", CAROL).expectProblem(403);

        post(base + "/chat", Api.chatBody("let me in"), CAROL).expectProblem(403);
        post(base + "/like", null, CAROL).expectProblem(403);
        try (WsClient carol = WsClient.viewer(id, CAROL)) {
            carol.send("{\"type\":\"chat:send\",\"message\":\"over the socket\"}");
            carol.awaitError("forbidden");
            carol.send("{\"type\":\"like\"}");
            carol.awaitError("forbidden");
        }
        postChat(base, "others still chat", BOB);

        send("DELETE", base + "/bans/carol", null, BOB).expectProblem(403);
        send("DELETE", base + "/bans/carol", null, ALICE).expect(204);
        send("DELETE", base + "/bans/carol", null, ALICE).expectProblem(404);
        postChat(base, "back again", CAROL);
        post(base + "/like", null, CAROL).expect(200);
    }

    @Test
    void slowModeLetsOneMessageThroughPerWindowExceptForStaff() {
        String id = Api.createLiveStream(ALICE, "Slow " + System.nanoTime());
        String base = "/api/livestream/" + id;
        send("PUT", base + "/chat-settings", "{\"slowModeSeconds\":30}", null).expectProblem(401);
        send("PUT", base + "/chat-settings", "{\"slowModeSeconds\":30}", CAROL).expectProblem(403);
        send("PUT", base + "/chat-settings", "{\"slowModeSeconds\":30}", BOB).expectProblem(403);
        send("PUT", base + "/chat-settings", "{\"slowModeSeconds\":-1}", ALICE).expectProblem(400);
        send("PUT", base + "/chat-settings", "{\"slowModeSeconds\":3601}", ALICE).expectProblem(400);
        send("PUT", base + "/chat-settings", "{\"enabled\":\"yes\"}", ALICE).expectProblem(400);
        send("PUT", "/api/livestream/nope/chat-settings", "{\"slowModeSeconds\":3}", ALICE).expectProblem(404);

        JsonObject settings = send("PUT", base + "/chat-settings",
                "{\"slowModeSeconds\":30,\"signedInOnly\":true,\"enabled\":true}", ALICE).expect(200).json();
        assertEquals(30, settings.getInt("slowModeSeconds"));
        assertEquals(30, get(base + "/chat-settings").expect(200).json().getInt("slowModeSeconds"));

        postChat(base, "first", CAROL);
        Api.Reply second = post(base + "/chat", Api.chatBody("second"), CAROL);
        second.expectProblem(429);
        int retryAfter = Integer.parseInt(second.raw().headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 31, "Retry-After " + retryAfter);
        postChat(base, "bob has his own window", BOB);
        for (int i = 0; i < 3; i++) {
            postChat(base, "the owner is exempt " + i, ALICE);
            postChat(base, "so is a moderator " + i, DAVE);
        }

        send("PUT", base + "/chat-settings", "{\"enabled\":false}", DAVE).expect(200);
        assertEquals(30, get(base + "/chat-settings").json().getInt("slowModeSeconds"), "left-out fields kept");
        post(base + "/chat", Api.chatBody("chat is off"), BOB).expectProblem(403);
        postChat(base, "staff may still speak", ALICE);
    }

    @Test
    void guestsChatOverTheSocketOnlyWhereTheStreamAllowsIt() {
        String id = Api.createLiveStream(ALICE, "Guests " + System.nanoTime());
        try (WsClient guest = WsClient.viewer(id, null)) {
            guest.send("{\"type\":\"chat:send\",\"message\":\"hi\"}");
            guest.awaitError("unauthenticated");
            send("PUT", "/api/livestream/" + id + "/chat-settings", "{\"signedInOnly\":false}", ALICE).expect(200);
            guest.send("{\"type\":\"chat:send\",\"message\":\"hi as a guest\"}");
            JsonObject line = guest.await("chat:message");
            assertTrue(line.getString("userId").startsWith("guest-"), line.toString());
            assertEquals("hi as a guest", line.getString("message"));
        }
    }
}
