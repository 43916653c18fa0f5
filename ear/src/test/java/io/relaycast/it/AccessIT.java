package io.relaycast.it;

import static io.relaycast.it.Api.ALICE;
import static io.relaycast.it.Api.BOB;
import static io.relaycast.it.Api.CAROL;
import static io.relaycast.it.Api.DAVE;
import static io.relaycast.it.Api.ERIN;
import static io.relaycast.it.Api.get;
import static io.relaycast.it.Api.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Who may watch: a restricted all-hands refuses everyone not on its list on every path (its API,
 * its pages, its media, the socket, the listings) and admits a listed user, a member of a listed
 * group, an admin and the holder of a valid invite; a revoked or expired invite lets nobody in.
 */
class AccessIT {

    private static JsonObject createRestricted(String title) {
        return post("/api/livestream/create", Json.createObjectBuilder().add("title", title)
                .add("visibility", "restricted").add("allowedUsers", Json.createArrayBuilder().add("bob"))
                .add("allowedGroups", Json.createArrayBuilder().add("engineering")).build().toString(), ALICE)
                .expect(201).json();
    }

    private static boolean listed(String path, String credentials, String id) {
        return get(path, credentials).expect(200).json().getJsonArray("streams").stream()
                .anyMatch(s -> id.equals(s.asJsonObject().getString("id")));
    }

    @Test
    void aRestrictedStreamRefusesEveryoneOffItsListOnEveryPath() {
        String title = "Board meeting " + System.nanoTime();
        JsonObject created = createRestricted(title);
        String id = created.getString("streamId");
        String base = "/api/livestream/" + id;
        try (WsClient broadcaster = WsClient.broadcaster(id, created.getString("streamKey")).keepAlive()) {
            post(base + "/start", null, ALICE).expect(200);

            JsonObject access = get(base, ALICE).expect(200).json().getJsonObject("access");
            assertEquals("restricted", access.getString("visibility"));
            assertEquals("bob", access.getJsonArray("allowedUsers").getString(0));
            assertFalse(get(base, BOB).expect(200).json().containsKey("access"), "only the owner and admins see who may watch");

            for (String path : new String[] {base, base + "/chat?limit=5", base + "/pins", base + "/stats",
                    base + "/thumbnail", base + "/recording", base + "/chat-settings"}) {
                get(path, DAVE).expectProblem(403);
                get(path, null).expectProblem(401);
            }
            post(base + "/join", null, DAVE).expectProblem(403);
            post(base + "/join", null, null).expectProblem(401);
            post(base + "/like", null, DAVE).expectProblem(403);
            post(base + "/chat", Api.chatBody("let me in"), DAVE).expectProblem(403);

            Api.Reply page = get("/watch/" + id, DAVE);
            assertEquals(403, page.status());
            assertFalse(page.body().contains(title), "a refused page shows nothing of the stream");
            assertEquals(401, get("/watch/" + id).status());
            for (String postback : new String[] {"/watch/", "/embed/", "/vod/", "/report/"}) {
                Api.Reply p = get(postback + id + "?jakarta.faces.ViewState=stateless", DAVE);
                assertFalse(p.body().contains(title), postback + ": what looks like a postback shows nothing either");
            }
            assertEquals(403, get("/vod/" + id, DAVE).status());

            try (WsClient outsider = WsClient.connect(id, DAVE)) {
                outsider.send("{\"type\":\"stream:join\",\"role\":\"viewer\"}");
                outsider.awaitError("forbidden");
                assertEquals(4403, outsider.awaitClose(Duration.ofSeconds(10)));
            }
            for (String disguised : new String[] {id + ";x", id.substring(0, 35) + "%" + Integer.toHexString(id.charAt(35))}) {
                WsClient outsider;
                try {
                    outsider = WsClient.connect(disguised, DAVE); // read differently by the container?
                } catch (RuntimeException refusedAtTheHandshake) {
                    continue; // no socket at all: no join either
                }
                try (outsider) {
                    outsider.send("{\"type\":\"stream:join\",\"role\":\"viewer\"}");
                    JsonObject answer = outsider.await(m -> !"pong".equals(m.getString("type", "")), "an answer");
                    assertEquals("error", answer.getString("type"), "no viewer join through " + disguised + ": " + answer);
                }
            }
            try (WsClient anonymous = WsClient.connect(id, null)) {
                anonymous.send("{\"type\":\"stream:join\",\"role\":\"viewer\"}");
                anonymous.awaitError("unauthenticated");
                assertEquals(4401, anonymous.awaitClose(Duration.ofSeconds(10)));
            }

            assertFalse(listed("/api/livestream/active?limit=200", DAVE, id), "not advertised to outsiders");
            assertFalse(listed("/api/livestream/user/alice?limit=200", null, id));
            assertTrue(listed("/api/livestream/active?limit=200", BOB, id), "listed for who may watch");
            assertFalse(get("/profile/alice", DAVE).body().contains(title), "nor on the broadcaster's profile page");
            assertTrue(get("/profile/alice", BOB).body().contains(title));

            // a listed user, a member of a listed group, an admin
            for (String admitted : new String[] {BOB, CAROL, ERIN}) {
                get(base, admitted).expect(200);
                post(base + "/join", null, admitted).expect(200);
                assertEquals(200, get("/watch/" + id, admitted).status());
                try (WsClient viewer = WsClient.viewer(id, admitted)) {
                    assertEquals("viewer", viewer.joined().getString("role"));
                }
            }
        }
    }

    @Test
    void anInviteLetsItsHolderInUntilItIsRevokedOrExpires() throws Exception {
        JsonObject created = createRestricted("Invite-only " + System.nanoTime());
        String id = created.getString("streamId");
        String base = "/api/livestream/" + id;
        try (WsClient broadcaster = WsClient.broadcaster(id, created.getString("streamKey")).keepAlive()) {
            post(base + "/start", null, ALICE).expect(200);
            post(base + "/invites", "{}", BOB).expectProblem(403); // admitted, but not the owner
            JsonObject invite = post(base + "/invites", "{\"label\":\"guest speaker\"}", ALICE).expect(201).json();
            String url = invite.getString("url");
            assertTrue(url.contains("/watch/" + id + "?invite="), url);
            String token = url.substring(url.indexOf("invite=") + "invite=".length());

            get(base + "?invite=" + token, null).expect(200);
            post(base + "/join?invite=" + token, null, null).expect(200);
            assertEquals(200, get("/watch/" + id + "?invite=" + token).status());
            try (WsClient guest = WsClient.connect(id + "?invite=" + token, null)) {
                guest.send("{\"type\":\"stream:join\",\"role\":\"viewer\"}");
                guest.await("stream:joined");
            }
            get(base + "?invite=" + token.substring(0, token.length() - 2) + "xx", null).expectProblem(403);
            JsonObject listedInvite = get(base + "/invites", ALICE).expect(200).json().getJsonArray("invites")
                    .getJsonObject(0);
            assertEquals("guest speaker", listedInvite.getString("label"));
            assertFalse(listedInvite.toString().contains(token.substring(token.indexOf('.') + 1)), "no token in lists");

            try (WsClient watching = WsClient.connect(id + "?invite=" + token, null)) {
                watching.send("{\"type\":\"stream:join\",\"role\":\"viewer\"}");
                watching.await("stream:joined");
                Api.send("DELETE", base + "/invites/" + invite.getString("id"), null, ALICE).expect(204);
                // revoked while watching: sent to connect again, and checked anew
                assertEquals(4409, watching.awaitClose(Duration.ofSeconds(10)));
            }
            try (WsClient again = WsClient.connect(id + "?invite=" + token, null)) {
                again.send("{\"type\":\"stream:join\",\"role\":\"viewer\"}");
                again.awaitError("forbidden");
                assertEquals(4403, again.awaitClose(Duration.ofSeconds(10)));
            }
            get(base + "?invite=" + token, null).expectProblem(403);
            post(base + "/join?invite=" + token, null, null).expectProblem(403);

            // one that expires, and one a single person may use
            String soon = post(base + "/invites", Json.createObjectBuilder()
                    .add("expiresAt", Instant.now().plusSeconds(2).toString()).build().toString(), ALICE)
                    .expect(201).json().getString("url");
            String once = post(base + "/invites", "{\"maxUses\":1}", ALICE).expect(201).json().getString("url");
            String onceToken = once.substring(once.indexOf("invite=") + 7);
            get(base + "?invite=" + onceToken, DAVE).expect(200);
            get(base + "?invite=" + onceToken, DAVE).expect(200); // the same person again
            get(base + "?invite=" + onceToken, null).expectProblem(403); // someone else: used up
            String twice = post(base + "/invites", "{\"maxUses\":2}", ALICE).expect(201).json().getString("url");
            String twiceToken = twice.substring(twice.indexOf("invite=") + 7);
            get(base + "?invite=" + twiceToken, null).expectProblem(403); // nobody to count: not "anonymous" for all
            Thread.sleep(2500);
            get(base + "?invite=" + soon.substring(soon.indexOf("invite=") + 7), null).expectProblem(403);
        }
    }

    @Test
    void signedInStreamsRefuseOnlyAnonymousViewersAndBadRulesAreRefused() {
        JsonObject created = post("/api/livestream/create", "{\"title\":\"Staff only\",\"visibility\":\"signed-in\"}",
                ALICE).expect(201).json();
        String base = "/api/livestream/" + created.getString("streamId");
        get(base, null).expectProblem(401);
        get(base, DAVE).expect(200);

        Api.send("PUT", base + "/access", "{\"visibility\":\"secret\"}", ALICE).expectProblem(400);
        Api.send("PUT", base + "/access", "{\"visibility\":\"public\"}", BOB).expectProblem(403);
        Api.send("PUT", base + "/access", "{\"visibility\":\"restricted\",\"allowedUsers\":[\"bo\\u0000b\"]}", ALICE)
                .expectProblem(400);
        Api.send("PUT", base + "/access", "{\"visibility\":\"restricted\",\"allowedUsers\":[\"a,b\"]}", ALICE)
                .expectProblem(400);
        get(base, DAVE).expect(200); // nothing changed by the refused requests
        assertEquals("restricted", Api.send("PUT", base + "/access",
                "{\"visibility\":\"restricted\",\"allowedUsers\":[\"carol\"]}", ALICE).expect(200).json()
                .getString("visibility"));
        get(base, DAVE).expectProblem(403);
        get(base, CAROL).expect(200);
        post("/api/livestream/create", "{\"title\":\"x\",\"visibility\":\"hidden\"}", ALICE).expectProblem(400);
    }

    @Test
    void attendanceNamesWhoJoinedAndLeftForTheOwnerOnly() {
        JsonObject created = Api.createStream(ALICE, "Attendance " + System.nanoTime());
        String id = created.getString("streamId");
        String base = "/api/livestream/" + id;
        try (WsClient broadcaster = WsClient.broadcaster(id, created.getString("streamKey")).keepAlive()) {
            post(base + "/start", null, ALICE).expect(200);
            String bobViewer = post(base + "/join", null, BOB).expect(200).json().getString("viewerId");
            post(base + "/leave", "{\"viewerId\":\"" + bobViewer + "\"}", BOB).expect(200);
            post(base + "/join", null, BOB).expect(200); // bob again: one person, two sessions
            post(base + "/join", null, null).expect(200); // anonymous: counted in the report, never named
            try (WsClient carol = WsClient.viewer(id, CAROL)) {
                String csv = get(base + "/attendance.csv", ALICE).expect(200).body();
                String[] lines = csv.split("\r\n");
                assertEquals("userId,firstJoin,lastLeave,watchSeconds,sessions", lines[0]);
                assertEquals(3, lines.length, csv);
                assertTrue(lines[1].matches("bob,[^,]+,,\\d+,2"),
                        "bob: two sessions, still watching in the second: " + lines[1]);
                assertTrue(lines[2].matches("carol,[^,]+,,\\d+,1"), lines[2]);
                JsonObject json = get(base + "/attendance", ERIN).expect(200).json();
                assertEquals(2, json.getJsonArray("attendees").size(), "an admin sees it too");
                get(base + "/attendance.csv", DAVE).expectProblem(403); // a moderator: not whose attendance it is
                get(base + "/attendance", BOB).expectProblem(403);
            }
        }
    }
}
