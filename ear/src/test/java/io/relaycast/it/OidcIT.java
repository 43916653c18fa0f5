package io.relaycast.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Single sign-on through a real OpenID Connect provider (oidc-provider from npm, on loopback over
 * HTTPS; the cluster pass configures the server with it): people sign in through the provider's
 * own form and get the role their company group maps to; integrators call the API with the
 * provider's access tokens; sign-out ends the provider's session too.
 */
class OidcIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static OidcProvider provider;

    @BeforeAll
    static void provider() throws Exception {
        provider = OidcProvider.ofThisPass();
    }

    @Test
    void staffSignInThroughTheProviderGoLiveAndSignOutOfBoth() throws Exception {
        try (Browser b = Browser.launch(provider.browserTrust())) {
            b.open("/signin");
            assertEquals("Sign in with Example SSO", b.text("sso-signin"));
            b.el("sso-signin").click();
            // the provider's own login form, on its own origin
            try {
                b.waitFor("provider login form", d -> d.getCurrentUrl().startsWith(provider.issuer)
                        && !d.findElements(By.id("password")).isEmpty() ? Boolean.TRUE : null);
            } catch (org.openqa.selenium.TimeoutException e) {
                b.screenshot("oidc-no-login-form");
                throw new AssertionError("no provider login form; the page says: "
                        + b.js("return document.body ? document.body.innerText : ''"), e);
            }
            b.el("username").sendKeys("frank");
            b.el("password").sendKeys("frank-oidc");
            b.el("submit").click();
            // back in the console, as a broadcaster: frank is in no registry, his group av-team maps to the role
            b.waitFor("console shown", d -> d.getCurrentUrl().startsWith(Api.BASE + "/console")
                    && !d.findElements(By.id("console")).isEmpty() ? Boolean.TRUE : null);
            assertEquals("frank", b.text("who"));
            JsonObject me = Json.createReader(new StringReader(String.valueOf(b.js(
                    "return fetch('/api/session').then(r => r.text());")))).readObject();
            assertEquals(List.of("broadcaster"), me.getJsonArray("roles").getValuesAs(v -> v.toString().replace("\"", "")));

            // the WebSocket accepts the same sign-in: the console goes live as frank
            b.el("title").sendKeys("SSO all-hands " + System.nanoTime());
            b.el("create").click();
            b.waitFor("studio shown", d -> b.el("studio").isDisplayed() ? Boolean.TRUE : null);
            b.goLiveInConsole();
            String link = b.el("watch-link").getAttribute("href");
            String id = link.substring(link.lastIndexOf('/') + 1);
            assertEquals("frank", Api.get("/api/livestream/" + id).expect(200).json().getJsonObject("stream").getString("userId"));

            // a socket with that sign-in's cookie is frank's own: a stream for signed-in users admits it
            // as frank, and the same join without the cookie is refused
            String signedIn = Api.post("/api/livestream/create", "{\"title\":\"Staff only\",\"visibility\":\"signed-in\"}",
                    Api.ALICE).expect(201).json().getString("streamId");
            String cookie = b.driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                    .reduce((x, y) -> x + "; " + y).orElseThrow();
            try (WsClient withCookie = WsClient.connectWith(signedIn, Map.of("Cookie", cookie, "Origin", Api.BASE));
                 WsClient without = WsClient.connectWith(signedIn, Map.of("Origin", Api.BASE))) {
                withCookie.send("{\"type\":\"stream:join\",\"role\":\"viewer\"}");
                withCookie.await("stream:joined");
                without.send("{\"type\":\"stream:join\",\"role\":\"viewer\"}");
                without.awaitError("unauthenticated");
            }

            // sign-out: ours, then the provider's (RP-initiated logout), then back to our front page
            // (a script click: headless Chromium has been seen to drop a pointer click on a live console)
            b.js("document.getElementById('signout').click()");
            b.waitFor("provider sign-out page", d -> d.getCurrentUrl().startsWith(provider.issuer)
                    && !d.findElements(By.id("logout-yes")).isEmpty() ? Boolean.TRUE : null);
            b.el("logout-yes").click();
            b.waitFor("back on the front page", d -> d.getCurrentUrl().equals(Api.BASE + "/") ? Boolean.TRUE : null);
            assertTrue(b.driver.findElements(By.id("who")).isEmpty(), "signed out here");
            // the provider asks again: its session ended too
            b.open("/sso/signin");
            b.waitFor("provider asks for the password again", d -> d.getCurrentUrl().startsWith(provider.issuer)
                    && !d.findElements(By.id("password")).isEmpty() ? Boolean.TRUE : null);
        }
    }

    @Test
    void providerAccessTokensCallTheApiWithTheRolesTheirGroupsMapTo() throws Exception {
        String frank = provider.accessToken("frank", "frank-oidc");
        assertEquals(List.of("broadcaster"), roles(frank));
        HttpResponse<String> created = bearer("POST", "/api/livestream/create", frank,
                "{\"title\":\"Made with a token\",\"recordingEnabled\":false}");
        assertEquals(201, created.statusCode(), created.body());
        String id = json(created.body()).getString("streamId");
        assertEquals("frank", Api.get("/api/livestream/" + id).expect(200).json().getJsonObject("stream").getString("userId"));

        assertEquals(List.of("admin"), roles(provider.accessToken("irene", "irene-oidc")));
        assertEquals(List.of("moderator"), roles(provider.accessToken("heidi", "heidi-oidc")));
        String grace = provider.accessToken("grace", "grace-oidc");
        assertEquals(List.of(), roles(grace));
        assertEquals(403, bearer("POST", "/api/livestream/create", grace, "{\"title\":\"Not staff\"}").statusCode());
    }

    @Test
    void companyGroupsFromTheTokenDecideWhoMayWatchARestrictedStream() throws Exception {
        String id = Api.post("/api/livestream/create", "{\"title\":\"Engineering only\",\"visibility\":\"restricted\","
                + "\"allowedGroups\":[\"engineering\"]}", Api.ALICE).expect(201).json().getString("streamId");
        assertEquals(200, bearer("GET", "/api/livestream/" + id, provider.accessToken("grace", "grace-oidc"), null)
                .statusCode(), "grace is in engineering");
        HttpResponse<String> heidi = bearer("GET", "/api/livestream/" + id, provider.accessToken("heidi", "heidi-oidc"), null);
        assertEquals(403, heidi.statusCode(), heidi.body());
    }

    @Test
    void tokensThatAreNotForUsAreRefusedWithAProblem() throws Exception {
        JsonObject tokens = provider.tokens("frank", "frank-oidc", OidcProvider.API);
        String good = tokens.getString("access_token");
        String[] parts = good.split("\\.");
        String tampered = parts[0] + "." + parts[1] + "." + (parts[2].charAt(0) == 'A' ? 'B' : 'A') + parts[2].substring(1);
        for (String token : List.of(tampered, tokens.getString("id_token"), "not-a-jwt")) {
            HttpResponse<String> r = bearer("GET", "/api/session", token, null);
            assertEquals(401, r.statusCode(), token + " → " + r.body());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
            assertFalse(r.body().contains("Exception"), r.body());
        }
        // an opaque token (no API resource asked for) is no JWT for us either
        String opaque = provider.tokens("frank", "frank-oidc", null).getString("access_token");
        assertEquals(401, bearer("GET", "/api/session", opaque, null).statusCode());
    }

    private static List<String> roles(String token) throws Exception {
        HttpResponse<String> r = bearer("GET", "/api/session", token, null);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("relaycastSso=")),
                "a token does not turn into a session cookie: " + r.headers().allValues("Set-Cookie"));
        JsonObject me = json(r.body());
        assertTrue(me.getBoolean("authenticated"), r.body());
        return me.getJsonArray("roles").getValuesAs(v -> v.toString().replace("\"", ""));
    }

    private static HttpResponse<String> bearer(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(Api.BASE + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token);
        if (body != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }
}
