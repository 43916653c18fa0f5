package io.relaycast.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Studio ingest over WHIP (RFC 9725) into the real Janus: a WHIP client publishes the fake camera
 * with the stream key; the scheduled stream goes live, a viewer's page plays it through the SFU,
 * a second publisher is refused, and when the encoder stops (DELETE) the stream ends after the
 * broadcaster's grace period. Refusals are problems.
 */
class WhipIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static JsonObject sfuStream(String title) {
        return Api.post("/api/livestream/create", "{\"title\":\"" + title + "\",\"delivery\":\"sfu\",\"recordingEnabled\":false}",
                Api.ALICE).expect(201).json();
    }

    private static HttpResponse<String> whip(String method, String path, String token, String type, String body)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(Api.BASE + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (type != null) {
            b.header("Content-Type", type);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void problem(int status, HttpResponse<String> r) {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), r.body());
    }

    @Test
    void badRequestsAreRefusedWithProblems() throws Exception {
        Janus.requireRunning();
        JsonObject s = sfuStream("WHIP refusals");
        String id = s.getString("streamId");
        String key = s.getString("streamKey");
        String sdp = "application/sdp";
        problem(401, whip("POST", "/whip/" + id, null, sdp, "v=0\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\n"));
        problem(401, whip("POST", "/whip/" + id, "wrong-key", sdp, "v=0\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\n"));
        problem(415, whip("POST", "/whip/" + id, key, "text/plain", "v=0"));
        problem(400, whip("POST", "/whip/" + id, key, sdp, "hello"));
        problem(404, whip("POST", "/whip/no-such-stream", key, sdp, "v=0\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\n"));
        problem(404, whip("PATCH", "/whip/" + id + "/0123456789abcdef0123456789abcdef", key, "application/trickle-ice-sdpfrag", "a=x"));
        problem(404, whip("DELETE", "/whip/" + id + "/0123456789abcdef0123456789abcdef", key, null, null));
        JsonObject p2p = Api.post("/api/livestream/create", "{\"title\":\"P2P\",\"delivery\":\"p2p\"}", Api.ALICE).expect(201).json();
        problem(409, whip("POST", "/whip/" + p2p.getString("streamId"), p2p.getString("streamKey"), sdp,
                "v=0\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\n"));
        Api.post("/api/livestream/" + id + "/start", null, Api.ALICE).expect(200);
        Api.post("/api/livestream/" + id + "/end", "{}", Api.ALICE).expect(200);
        problem(409, whip("POST", "/whip/" + id, key, sdp, "v=0\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\n"));

        HttpResponse<String> options = whip("OPTIONS", "/whip/" + id, null, null, null);
        assertEquals(204, options.statusCode());
        assertEquals("*", options.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        assertTrue(options.headers().allValues("Link").stream().allMatch(l -> l.contains("rel=\"ice-server\"")
                && !l.contains("credential=")), "no TURN credentials before the key is shown: " + options.headers());
    }

    /**
     * A WHIP client in Chromium (its WebRTC stack, the fake camera): all candidates gathered into
     * the offer, POSTed with the key, the answer applied. Debian bookworm's simple-whip-client
     * cannot run there (it links libsoup 2, GStreamer's libnice plugin pulls in libsoup 3: the
     * process aborts), so the browser is the third-party WHIP stack here.
     */
    private static final String PUBLISH = """
            const [id, key, done] = arguments;
            (async () => {
              const media = await navigator.mediaDevices.getUserMedia({video: true, audio: true});
              const pc = new RTCPeerConnection();
              media.getTracks().forEach(t => pc.addTransceiver(t, {direction: 'sendonly', streams: [media]}));
              await pc.setLocalDescription(await pc.createOffer());
              await new Promise(r => { if (pc.iceGatheringState === 'complete') r();
                pc.onicegatheringstatechange = () => pc.iceGatheringState === 'complete' && r(); });
              const res = await fetch('/whip/' + id, {method: 'POST', body: pc.localDescription.sdp,
                headers: {'Authorization': 'Bearer ' + key, 'Content-Type': 'application/sdp'}});
              if (res.status !== 201) { done('HTTP ' + res.status + ' ' + await res.text()); return; }
              window.whip = {pc, resource: res.headers.get('Location'), etag: res.headers.get('ETag'),
                links: res.headers.get('Link')};
              await pc.setRemoteDescription({type: 'answer', sdp: await res.text()});
              done('created ' + window.whip.resource);
            })().catch(e => done('error ' + e));""";

    @Test
    void anEncoderPublishesViewersWatchAndStoppingEndsTheStream() throws Exception {
        Janus.requireRunning();
        JsonObject s = sfuStream("From the studio " + System.nanoTime());
        String id = s.getString("streamId");
        try (Browser encoder = Browser.launch(); Browser viewer = Browser.launch()) {
            encoder.open("/signin"); // any page of this origin
            Object created = ((org.openqa.selenium.JavascriptExecutor) encoder.driver)
                    .executeAsyncScript(PUBLISH, id, s.getString("streamKey"));
            assertTrue(String.valueOf(created).startsWith("created /whip/" + id + "/"), String.valueOf(created));
            assertTrue(String.valueOf(encoder.js("return window.whip.links")).contains("rel=\"ice-server\""));
            encoder.waitFor("the encoder's media is up", Duration.ofSeconds(30),
                    d -> "connected".equals(encoder.js("return window.whip.pc.connectionState")) ? Boolean.TRUE : null);
            assertEquals("live", status(id), "a scheduled stream goes live when the encoder connects");
            problem(409, whip("POST", "/whip/" + id, s.getString("streamKey"), "application/sdp",
                    "v=0\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\n"));

            viewer.open("/watch/" + id);
            viewer.awaitPlaying("video");

            // Stop: DELETE on the resource, then the grace period, then the end
            Object deleted = ((org.openqa.selenium.JavascriptExecutor) encoder.driver).executeAsyncScript(
                    "const done = arguments[0]; fetch(window.whip.resource, {method: 'DELETE'})"
                    + ".then(r => { window.whip.pc.close(); done(r.status); }).catch(e => done('error ' + e));");
            assertEquals(200L, ((Number) deleted).longValue());
            awaitStatus(id, "ended", Duration.ofSeconds(30));
        }
    }

    /** Medooze's WHIP client (npm whip-whep, by an author of RFC 9725): offer without candidates, then trickle (PATCH). */
    private static final Path WHIP_JS = Path.of("src/test/browser/node_modules/whip-whep/whip.js");

    private static final String THIRD_PARTY_PUBLISH = """
            const [url, key, done] = arguments;
            (async () => {
              const media = await navigator.mediaDevices.getUserMedia({video: true, audio: true});
              const pc = new RTCPeerConnection();
              media.getTracks().forEach(t => pc.addTransceiver(t, {direction: 'sendonly', streams: [media]}));
              window.client = new WHIPClient();
              window.pc = pc;
              await window.client.publish(pc, url, key);
              done('published ' + window.client.resourceURL);
            })().catch(e => done('error ' + e));""";

    @Test
    void aWhipClientNobodyHereWrotePublishesWithTrickle() throws Exception {
        Janus.requireRunning();
        JsonObject s = sfuStream("Third-party WHIP " + System.nanoTime());
        String id = s.getString("streamId");
        String key = s.getString("streamKey");
        try (Browser encoder = Browser.launch(); Browser viewer = Browser.launch()) {
            encoder.open("/signin");
            // a classic script rather than a module: injected by the driver, past the page's CSP
            encoder.js(Files.readString(WHIP_JS).replace("export class WHIPClient", "window.WHIPClient = class WHIPClient"));
            Object created = ((org.openqa.selenium.JavascriptExecutor) encoder.driver)
                    .executeAsyncScript(THIRD_PARTY_PUBLISH, Api.BASE + "/whip/" + id, key);
            assertTrue(String.valueOf(created).startsWith("published " + Api.BASE + "/whip/" + id + "/"), String.valueOf(created));
            encoder.waitFor("the encoder's media is up", Duration.ofSeconds(30),
                    d -> "connected".equals(encoder.js("return window.pc.connectionState")) ? Boolean.TRUE : null);
            assertEquals("live", status(id));
            viewer.open("/watch/" + id);
            viewer.awaitPlaying("video");

            String resource = String.valueOf(encoder.js("return window.client.resourceURL.pathname"));
            problem(501, patch(resource, "*", "a=ice-ufrag:new\r\na=ice-pwd:new\r\n"));
            problem(412, patch(resource, "\"not-the-etag\"", "a=end-of-candidates\r\n"));
            problem(400, patch(resource, null, "hello"));
            problem(415, whip("PATCH", resource, key, "text/plain", "a=end-of-candidates"));

            ((org.openqa.selenium.JavascriptExecutor) encoder.driver).executeAsyncScript(
                    "const done = arguments[0]; window.client.stop().then(() => done(1)).catch(e => done('' + e));");
            awaitStatus(id, "ended", Duration.ofSeconds(30));
        }
    }

    private static HttpResponse<String> patch(String resource, String ifMatch, String fragment) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(Api.BASE + resource)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/trickle-ice-sdpfrag")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(fragment));
        if (ifMatch != null) {
            b.header("If-Match", ifMatch);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anEncoderThatVanishesWithoutStoppingIsGivenUp() throws Exception {
        Janus.requireRunning();
        JsonObject s = sfuStream("Crashing encoder " + System.nanoTime());
        String id = s.getString("streamId");
        try (Browser encoder = Browser.launch()) {
            encoder.open("/signin");
            Object created = ((org.openqa.selenium.JavascriptExecutor) encoder.driver)
                    .executeAsyncScript(PUBLISH, id, s.getString("streamKey"));
            assertTrue(String.valueOf(created).startsWith("created"), String.valueOf(created));
            encoder.waitFor("the encoder's media is up", Duration.ofSeconds(30),
                    d -> "connected".equals(encoder.js("return window.whip.pc.connectionState")) ? Boolean.TRUE : null);
            assertEquals("live", status(id));
            // gone without a DELETE (a crash, a pulled cable): Janus hangs up, the seat is given up
            encoder.js("window.whip.pc.close()");
        }
        awaitStatus(id, "ended", Duration.ofSeconds(60));
    }

    private static String status(String id) {
        return Api.status(id);
    }

    private static void awaitStatus(String id, String status, Duration timeout) throws Exception {
        Api.awaitStatus(id, status, timeout, () -> "");
    }
}
