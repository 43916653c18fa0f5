package io.relaycast.it;

import static io.relaycast.it.Api.ALICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Hardening, second round (issue 24, point 1), as a script would try it on the signaling socket:
 * hold sockets open without joining, and open as many as it can from one address. The test server
 * closes unjoined sockets after 5 s and allows 80 sockets per address.
 */
class HostileSocketIT {

    @Test
    void aSocketThatNeverJoinsIsClosedEvenWhileItPings() throws Exception {
        String id = Api.createLiveStream(ALICE, "Idle sockets " + System.nanoTime());
        try (WsClient idle = WsClient.connect(id, null)) {
            idle.sync(); // pings are answered...
            long opened = System.nanoTime();
            for (int i = 0; i < 60 && !idle.isClosed(); i++) {
                idle.trySend("{\"type\":\"ping\"}");
                Thread.sleep(500);
            }
            assertEquals(1008, idle.awaitClose(Duration.ofSeconds(5)), "...but keep no unjoined socket open");
            assertTrue(System.nanoTime() - opened >= Duration.ofSeconds(4).toNanos(), "not before the deadline");
        }
    }

    @Test
    void socketsFromOneAddressAreCapped() throws Exception {
        String id = Api.createLiveStream(ALICE, "Socket cap " + System.nanoTime());
        List<WsClient> held = new ArrayList<>();
        try {
            while (held.size() < 200) {
                try {
                    held.add(WsClient.connect(id, null));
                } catch (RuntimeException refused) {
                    assertEquals(429, WsClient.handshakeStatus(id, Map.of()), "refused at the cap with 429: " + refused);
                    break;
                }
            }
            // The handshake counts the sockets already open: one opening at the same moment may slip through.
            assertTrue(held.size() < 200 && held.size() <= 82, "capped at about 80: " + held.size() + " held");
        } finally {
            held.forEach(WsClient::close);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (WsClient.handshakeStatus(id, Map.of()) != 101) {
            assertTrue(System.nanoTime() < deadline, "closed sockets free their places");
            Thread.sleep(200);
        }
    }

    /** What the watch page gives a browser: its guest cookie ("name=value"). */
    private static String guestCookie(String id) {
        Api.Reply page = Api.get("/watch/" + id).expect(200);
        String cookie = page.raw().headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("rc_guest="))
                .findFirst().orElseThrow(() -> new AssertionError("no guest cookie: " + page.raw().headers().map()));
        assertTrue(cookie.contains("HttpOnly"), cookie);
        return cookie.substring(0, cookie.indexOf(';'));
    }

    private static JsonObject chatAsGuest(String id, String cookie, String message) {
        try (WsClient guest = WsClient.connectWith(id, cookie == null ? Map.of() : Map.of("Cookie", cookie))) {
            guest.send("{\"type\":\"stream:join\",\"role\":\"viewer\"}");
            guest.await("stream:joined");
            guest.send(Json.createObjectBuilder().add("type", "chat:send").add("message", message).build());
            return guest.await(m -> "chat:message".equals(m.getString("type")) || "error".equals(m.getString("type")),
                    "the chat line or its refusal");
        }
    }

    @Test
    void aGuestKeepsItsNameSlowModeAndBanAcrossReconnects() {
        String id = Api.createLiveStream(ALICE, "Guests " + System.nanoTime());
        Api.send("PUT", "/api/livestream/" + id + "/chat-settings", "{\"signedInOnly\":false,\"slowModeSeconds\":60}",
                ALICE).expect(200);
        String cookie = guestCookie(id);
        JsonObject first = chatAsGuest(id, cookie, "hello");
        assertEquals("chat:message", first.getString("type"), first.toString());
        String name = first.getString("userId");
        assertTrue(name.startsWith("guest-"), name);

        JsonObject again = chatAsGuest(id, cookie, "a reload later");
        assertEquals("rate-limited", again.getString("code", null), "slow mode still applies: " + again);

        Api.post("/api/livestream/" + id + "/bans", Json.createObjectBuilder().add("userId", name).build().toString(), ALICE)
                .expect(201);
        Api.send("PUT", "/api/livestream/" + id + "/chat-settings", "{\"slowModeSeconds\":0}", ALICE).expect(200);
        assertEquals("forbidden", chatAsGuest(id, cookie, "banned?").getString("code", null), "the ban holds");

        String forged = cookie.substring(0, cookie.length() - 4) + "AAAA";
        JsonObject other = chatAsGuest(id, forged, "forged");
        assertEquals("chat:message", other.getString("type"), "a forged cookie is no identity: " + other);
        assertNotEquals(name, other.getString("userId"));
        assertEquals(cookie, guestCookieKept(id, cookie), "a valid cookie is not replaced");
    }

    private static String guestCookieKept(String id, String cookie) {
        try {
            HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(Api.BASE + "/watch/" + id)).header("Cookie", cookie).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            return page.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("rc_guest="))
                    ? "replaced" : cookie;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
