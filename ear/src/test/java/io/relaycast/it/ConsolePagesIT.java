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
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * The server-rendered (Facelets) console pages over plain HTTP: who may see what, 404 for unknown
 * streams, stream data rendered as text, the sign-in session cookie. What the pages' scripts do is
 * tested in headless Chromium by ConsoleBrowserIT.
 */
class ConsolePagesIT {

    private static final String XSS = "<script>alert('x')</script><img src=x onerror=alert(1)>";

    @Test
    void consoleIsForSignedInBroadcastersOnly() {
        Api.Reply anonymous = get("/console");
        assertEquals(302, anonymous.status(), anonymous::body);
        assertEquals("/signin?next=%2Fconsole",
                URI.create(anonymous.raw().headers().firstValue("Location").orElseThrow()).getRawPath()
                        + "?" + URI.create(anonymous.raw().headers().firstValue("Location").orElseThrow()).getRawQuery());

        Api.Reply viewer = get("/console", CAROL);
        assertEquals(403, viewer.status());
        assertTrue(viewer.body().contains("id=\"console-auth\""), viewer::body);
        assertFalse(viewer.body().contains("/js/console.js"), "the console script is not served to viewers");

        Api.Reply staff = get("/console", ALICE).expect(200);
        assertTrue(staff.contentType().startsWith("text/html"), staff::contentType);
        assertTrue(staff.body().contains("id=\"console\" data-user=\"alice\""), staff::body);
        assertTrue(staff.body().contains("<a id=\"who\" class=\"who\" href=\"/profile/alice\">alice</a>"), staff::body);
        String csp = staff.raw().headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'"), csp);
        assertEquals("nosniff", staff.raw().headers().firstValue("X-Content-Type-Options").orElse(null));
        assertTrue(staff.raw().headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("JSESSIONID")),
                "pages are stateless views: no HTTP session per visitor");
    }

    @Test
    void watchAndRecordingPagesRenderTheStreamAsTextAndNeverItsKey() {
        JsonObject created = Api.createStream(ALICE, XSS);
        String id = created.getString("streamId");
        String key = created.getString("streamKey");
        for (String page : new String[] {"/watch/" + id, "/vod/" + id}) {
            for (String who : new String[] {null, ALICE, BOB}) {
                Api.Reply r = get(page, who).expect(200);
                assertTrue(r.body().contains("&lt;script&gt;alert("), () -> page + ": " + r.body());
                assertFalse(r.body().contains("<script>alert"), () -> page + " renders the title as HTML");
                assertFalse(r.body().contains("<img src=x"), () -> page + " renders the title as HTML");
                assertFalse(r.body().contains(key), () -> page + " leaks the stream key");
                assertTrue(r.body().contains("data-stream-id=\"" + id + "\""), r::body);
            }
        }
        assertTrue(get("/watch/" + id).body().contains("data-state=\"scheduled\">Not started yet"),
                "the state is rendered with the page");
    }

    @Test
    void unknownStreamPagesAre404() throws Exception {
        for (String page : new String[] {"/watch/no-such-stream", "/vod/no-such-stream"}) {
            Api.Reply r = get(page);
            assertEquals(404, r.status(), page);
            assertTrue(r.contentType().startsWith("text/html"), r::contentType);
            assertTrue(r.body().contains("data-state=\"missing\""), r::body);
            assertFalse(r.body().contains("/js/watch.js") || r.body().contains("/js/vod.js"));
        }
        assertEquals(404, get("/watch/").status());
        assertEquals(404, get("/watch/a/b").status());
        // a malformed escape (which HttpClient will not even send) is a client error, not a 500
        URI base = URI.create(Api.BASE);
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.getOutputStream().write(("GET /watch/%zz HTTP/1.1\r\nHost: " + base.getHost()
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            assertTrue(statusLine.contains(" 404 ") || statusLine.contains(" 400 "), statusLine);
        }
    }

    @Test
    void profileListsTheBroadcastersStreamsWithLinks() {
        String live = Api.createLiveStream(BOB, "Profile live " + System.nanoTime());
        String scheduled = Api.createStream(BOB, "Profile " + XSS).getString("streamId");
        String body = get("/profile/bob").expect(200).body();
        assertTrue(body.contains("href=\"/watch/" + live + "\""), body);
        assertTrue(body.contains("href=\"/watch/" + scheduled + "\""), body);
        assertTrue(body.contains("Profile &lt;script&gt;"), body);
        assertFalse(body.contains("<script>alert"), body);

        String nobody = get("/profile/nobody-" + System.nanoTime()).expect(200).body();
        assertTrue(nobody.contains("id=\"empty\""), nobody);
    }

    @Test
    void theSignInFormNeverPutsCredentialsInAUrl() {
        String page = get("/signin").expect(200).body();
        assertTrue(page.matches("(?s).*<form id=\"signin-form\" class=\"[^\"]*\" method=\"post\".*"), page);
        // even posted without the page's script, the form only shows the page again
        Api.Reply posted = Api.send("POST", "/signin", "username=alice&password=alice-demo", null,
                "application/x-www-form-urlencoded");
        assertEquals(200, posted.status(), posted::body);
        assertFalse(posted.body().contains("alice-demo"));
    }

    @Test
    void signInSetsTheSessionCookieThatPagesHonourAndAWrongPasswordGetsNoBasicChallenge() throws Exception {
        // API clients get the Basic challenge; the console's scripts (X-Requested-With) do not, or the
        // browser would show its own password dialog over the sign-in page.
        Api.Reply api = post("/api/session", null, "alice:nope");
        api.expectProblem(401);
        assertEquals("Basic realm=\"relaycast\"", api.raw().headers().firstValue("WWW-Authenticate").orElse(null));
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> script = client.send(HttpRequest.newBuilder(URI.create(Api.BASE + "/api/session"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("alice:nope".getBytes(StandardCharsets.UTF_8)))
                .header("X-Requested-With", "XMLHttpRequest").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, script.statusCode(), script.body());
        assertTrue(script.headers().allValues("WWW-Authenticate").stream().noneMatch(v -> v.startsWith("Basic")),
                () -> "challenge: " + script.headers().map());

        Api.Reply ok = post("/api/session", null, ALICE).expect(200);
        assertEquals("alice", ok.json().getString("userId"));
        String cookie = ok.raw().headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("relaycastSso=")).findFirst().orElseThrow(() -> new AssertionError(
                        "no session cookie: " + ok.raw().headers().map()));
        assertTrue(cookie.contains("HttpOnly"), cookie);

        HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(Api.BASE + "/console"))
                .header("Cookie", cookie.substring(0, cookie.indexOf(';'))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("data-user=\"alice\""), page.body());

        // signing out ends it, also for a copy of the cookie replayed later
        String session = cookie.substring(0, cookie.indexOf(';'));
        HttpResponse<String> out = client.send(HttpRequest.newBuilder(URI.create(Api.BASE + "/api/session"))
                .DELETE().header("Cookie", session).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(204, out.statusCode(), out.body());
        HttpResponse<String> replay = client.send(HttpRequest.newBuilder(URI.create(Api.BASE + "/api/session"))
                .header("Cookie", session).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(replay.body().contains("\"authenticated\":false"), replay.body());
    }
}
