package io.relaycast.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * An operator's installation, as docs/operations.md ("Deploy into your own Liberty") says: the
 * stock Open Liberty runtime from Maven Central unzipped, a server created with its own command,
 * the template's Java EE feature removed and its ports chosen, liberty-config/deploy/install.sh
 * run, the server started. Once with the demo users (a REST walk-through, the sign-in page and a
 * WebSocket join answer), once without (not ready: no user registry; the demo passwords refused).
 */
class InstallIT {

    @Test
    void withTheDemoUsersTheServerAnswersTheWalkThrough() throws Exception {
        StockLiberty.create("rc-demo", 19280, 19643, "");
        StockLiberty.install("rc-demo", "--demo-users").expectSuccess();
        StockLiberty.server("start", "rc-demo", "--clean");
        String base = "http://localhost:19280";
        try {
            Api.Reply ready = StockLiberty.awaitReady(base);
            assertEquals(200, ready.status(), ready.body());
            JsonObject created = Api.sendTo(base, "POST", "/api/livestream/create",
                    "{\"title\":\"Installed\",\"recordingEnabled\":false}", Api.ALICE, "application/json").expect(201).json();
            String id = created.getString("streamId");
            Api.sendTo(base, "POST", "/api/livestream/" + id + "/start", null, Api.ALICE, "application/json").expect(200);
            assertEquals("live", Api.sendTo(base, "GET", "/api/livestream/" + id, null, null, null).expect(200)
                    .json().getJsonObject("stream").getString("status"));
            try (WsClient broadcaster = WsClient.broadcasterAt(base, id, created.getString("streamKey"));
                 WsClient viewer = WsClient.viewerAt(base, id, null)) {
                assertEquals("viewer", viewer.joined().getString("role"));
            }
            Api.Reply signin = Api.sendTo(base, "GET", "/signin", null, null, null).expect(200);
            assertTrue(signin.body().contains("id=\"signin-form\""), signin.body());
            // the console, with the cookie a sign-in sets
            var http = java.net.http.HttpClient.newHttpClient();
            String cookie = Api.sendTo(base, "POST", "/api/session", null, Api.ALICE, "application/json").expect(200)
                    .raw().headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("relaycastSso="))
                    .findFirst().orElseThrow().split(";", 2)[0];
            var console = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/console"))
                    .header("Cookie", cookie).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, console.statusCode());
            assertTrue(console.body().contains("id=\"create-form\""), "the broadcaster's console: " + console.body());
        } finally {
            StockLiberty.server("stop", "rc-demo");
        }
    }

    @Test
    void withoutThemNobodyCanSignInAndReadinessSaysWhy() throws Exception {
        StockLiberty.create("rc-bare", 19281, 19644, "");
        StockLiberty.install("rc-bare").expectSuccess();
        StockLiberty.server("start", "rc-bare", "--clean");
        String base = "http://localhost:19281";
        try {
            Api.Reply ready = StockLiberty.awaitReady(base);
            assertEquals(503, ready.status(), ready.body());
            assertTrue(ready.body().contains("no user registry configured"), ready.body());
            Api.sendTo(base, "GET", "/api/livestream/active", null, null, null).expect(200);
            assertEquals(401, Api.sendTo(base, "POST", "/api/session", null, Api.ALICE, "application/json").status());
            assertEquals(401, Api.sendTo(base, "POST", "/api/session", null, Api.ERIN, "application/json").status());
        } finally {
            StockLiberty.server("stop", "rc-bare");
        }
    }

    @Test
    void aServerAskingForJavaEeFeaturesIsRefusedUnchanged() throws Exception {
        StockLiberty.server("create", "rc-javax");
        StockLiberty.Result r = StockLiberty.install("rc-javax");
        assertEquals(4, r.exit(), r.output());
        assertTrue(r.output().contains("jsp-2.3"), r.output());
        assertTrue(Files.notExists(StockLiberty.serverDir("rc-javax").resolve("apps/relaycast.ear")), "nothing installed");
    }

    @Test
    void aRuntimeWithoutANeededFeatureIsRefusedWithTheCommandThatAddsIt() throws Exception {
        // the same runtime with one feature's manifest hidden, as in a smaller download
        var manifest = StockLiberty.wlp().resolve("lib/features/io.openliberty.websocket-2.1.mf");
        var hidden = manifest.resolveSibling("websocket-2.1.hidden");
        Files.move(manifest, hidden);
        try {
            StockLiberty.create("rc-lean", 19282, 19645, "");
            StockLiberty.Result r = StockLiberty.install("rc-lean");
            assertEquals(3, r.exit(), r.output());
            assertTrue(r.output().contains("featureUtility installFeature websocket-2.1"), r.output());
            assertTrue(Files.notExists(StockLiberty.serverDir("rc-lean").resolve("apps/relaycast.ear")));
        } finally {
            Files.move(hidden, manifest);
        }
    }
}
