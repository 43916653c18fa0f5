package io.relaycast.it;

import static io.relaycast.it.Api.BOB;
import static io.relaycast.it.Api.chatBody;
import static io.relaycast.it.Api.get;
import static io.relaycast.it.Api.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Hardening, second round (issue 24, point 2), as a hostile web page would try it: bob is signed
 * in (his session cookie rides along), and another site — a sibling sub-domain included — makes
 * his browser change things. (Bob, not alice: ConsolePagesIT, just before, signs alice out, and a
 * sign-in within the same minute gets back the cookie Liberty tracks as signed out.) Every such write is a 403 problem and changes nothing; her own pages
 * and API clients with their own credentials are not affected.
 */
class CrossSiteRequestsIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String OWN = URI.create(Api.BASE).getScheme() + "://" + URI.create(Api.BASE).getRawAuthority();
    private static final String SIBLING = URI.create(Api.BASE).getScheme() + "://evil."
            + URI.create(Api.BASE).getRawAuthority();

    private static String sessionCookie() {
        Api.Reply ok = post("/api/session", null, BOB).expect(200);
        String cookie = ok.raw().headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("relaycastSso="))
                .findFirst().orElseThrow();
        return cookie.substring(0, cookie.indexOf(';'));
    }

    /** A write carried by the cookie alone, with whatever browser headers the case gives. */
    private static HttpResponse<String> write(String method, String path, String json, String cookie,
                                              Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(Api.BASE + path)).timeout(Duration.ofSeconds(10))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .header("Cookie", cookie).header("Content-Type", "application/json");
        headers.forEach(b::header);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void refused(HttpResponse<String> r) {
        assertEquals(403, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), r.body());
    }

    private static String status(String id) {
        return get("/api/livestream/" + id).expect(200).json().getJsonObject("stream").getString("status");
    }

    @Test
    void anotherSiteCannotMakeASignedInBrowserChangeAnything() throws Exception {
        String cookie = sessionCookie();
        String id = Api.createStream(BOB, "CSRF " + System.nanoTime()).getString("streamId");
        String start = "/api/livestream/" + id + "/start";
        refused(write("POST", start, null, cookie, Map.of("Origin", "https://evil.example")));
        refused(write("POST", start, null, cookie, Map.of("Origin", SIBLING, "Sec-Fetch-Site", "same-site")));
        refused(write("POST", start, null, cookie, Map.of("Origin", "null")));
        refused(write("POST", start, null, cookie, Map.of("Sec-Fetch-Site", "cross-site")));
        refused(write("POST", start, null, cookie, Map.of()));
        assertEquals("scheduled", status(id), "nothing changed");

        assertEquals(200, write("POST", start, null, cookie, Map.of("Origin", OWN)).statusCode(), "its own page");
        String chat = "/api/livestream/" + id + "/chat";
        refused(write("POST", chat, chatBody("forged"), cookie, Map.of("Origin", "https://evil.example")));
        refused(write("POST", "/api/livestream/" + id + "/pins", "{\"title\":\"x\",\"url\":\"https://evil.example\"}",
                cookie, Map.of("Origin", "https://evil.example")));
        refused(write("PUT", "/api/livestream/" + id + "/chat-settings", "{\"enabled\":false}", cookie,
                Map.of("Origin", "https://evil.example")));
        refused(write("POST", "/api/livestream/" + id + "/end", null, cookie, Map.of("Origin", "https://evil.example")));
        assertEquals(201, write("POST", chat, chatBody("mine"), cookie, Map.of("Sec-Fetch-Site", "same-origin"))
                .statusCode(), "a same-origin fetch without Origin");
        JsonObject history = get(chat).expect(200).json();
        assertEquals(1, history.getJsonArray("messages").size(), history.toString());
        assertEquals("mine", history.getJsonArray("messages").getJsonObject(0).getString("message"));
        assertEquals("live", status(id));

        // an API client with its own credentials is not a browser riding on a cookie
        HttpResponse<String> api = HTTP.send(HttpRequest.newBuilder(URI.create(Api.BASE + "/api/livestream/" + id + "/end"))
                .POST(HttpRequest.BodyPublishers.noBody()).header("Origin", "https://evil.example")
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(BOB.getBytes()))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, api.statusCode(), api.body());
        assertEquals("ended", status(id));
        assertTrue(Json.createReader(new StringReader(api.body())).readObject().getBoolean("success"));
    }
}
