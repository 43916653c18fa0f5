package io.relaycast.it;

import static io.relaycast.it.Api.ALICE;
import static io.relaycast.it.Api.BOB;
import static io.relaycast.it.Api.DAVE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Live HLS: Janus forwards a Chromium broadcaster's SFU publication to ffmpeg, which writes a
 * two-rendition fMP4 ladder under /hls/{id}/; ffprobe reads each rendition, segments keep coming,
 * nothing is served without the stream's token, a Chromium viewer without WebRTC plays it (hls.js)
 * and is counted as an HLS viewer, one whose WebRTC gets nowhere falls back to it after a few seconds, and a restricted stream's link goes only to
 * those on its list.
 */
class LiveHlsIT {

    @Test
    void anSfuStreamHasALadderThatABrowserWithoutWebRtcPlays() throws Exception {
        Janus.requireRunning();
        try (Browser console = Browser.launch()) {
            String id = ConsoleBrowserIT.goLive(console, "Town hall over HLS " + System.nanoTime(), false, "sfu");
            String api = "/api/livestream/" + id;
            assertEquals(503, Api.get(api + "/hls").status(), "made on demand: nothing runs before the first request");
            String url = awaitLink(api, null).getString("url");
            assertTrue(url.startsWith("/hls/" + id + "/master.m3u8?token="), url);
            String token = url.substring(url.indexOf("token=") + 6);

            Api.Reply master = Api.get(url).expect(200);
            assertEquals("application/vnd.apple.mpegurl", master.contentType());
            assertEquals("public, max-age=1", master.raw().headers().firstValue("Cache-Control").orElse(""));
            List<String> renditions = uris(master.body());
            assertTrue(renditions.size() >= 2, "a ladder of two renditions or more: " + master.body());
            Set<Integer> heights = new HashSet<>();
            for (String rendition : renditions) {
                assertTrue(rendition.endsWith("token=" + token), "links carry the token: " + rendition);
                String probed = ffprobe(Api.BASE + "/hls/" + id + "/" + rendition);
                assertTrue(probed.contains("h264") && probed.contains("aac"), rendition + ": " + probed);
                heights.add(Integer.parseInt(probed.replaceAll("(?s).*height=(\\d+).*", "$1")));
            }
            assertEquals(renditions.size(), heights.size(), "each rendition its own size: " + heights);

            // segments keep arriving while live; each is immutable for a CDN
            String first = renditions.get(0);
            String playlist = Api.get("/hls/" + id + "/" + first).expect(200).body();
            long sequence = mediaSequence(playlist);
            Thread.sleep(5000);
            String later = Api.get("/hls/" + id + "/" + first).expect(200).body();
            assertTrue(mediaSequence(later) > sequence, "new segments in 5 s: " + later);
            List<String> segments = uris(later);
            String segment = segments.get(segments.size() - 1);
            Api.Reply seg = Api.get("/hls/" + id + "/" + first.substring(0, first.indexOf('/') + 1) + segment).expect(200);
            assertTrue(seg.raw().headers().firstValue("Cache-Control").orElse("").contains("immutable"));

            // the token as a cookie (players that keep the address bare): the answer is for that viewer only
            HttpResponse<String> byCookie = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(Api.BASE + "/hls/" + id + "/master.m3u8")).header("Cookie", "rc_hls=" + token).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, byCookie.statusCode());
            assertEquals("private, max-age=1", byCookie.headers().firstValue("Cache-Control").orElse(""));
            assertFalse(byCookie.body().contains("token="), "links stay bare: the cookie goes along");

            // nothing without the stream's token, and only the ladder's own files with it
            Api.get("/hls/" + id + "/master.m3u8").expectProblem(403);
            Api.get("/hls/" + id + "/master.m3u8?token=9999999999.forged").expectProblem(403);
            Api.get("/hls/" + id + "/publication.sdp?token=" + token).expectProblem(404);
            Api.get("/hls/" + id + "/../" + id + "/ffmpeg.log?token=" + token).expectProblem(404);

            // a browser without WebRTC (a test-only switch: the page's RTCPeerConnection is removed before
            // it runs) plays the HLS rendition, says so, and is counted as an HLS viewer
            try (Browser viewer = Browser.launch()) {
                viewer.withoutWebRtc();
                viewer.open("/watch/" + id);
                viewer.waitFor("compatible playback", Duration.ofSeconds(45),
                        d -> "hls".equals(viewer.js("return window.relaycastWatch.playback")) ? true : null);
                viewer.waitFor("HLS plays", Duration.ofSeconds(45), d -> Boolean.TRUE.equals(viewer.js(
                        "const v = document.getElementById('video'); return v.videoWidth > 0 && v.currentTime > 2")) ? true : null);
                assertFalse(viewer.el("playback-note").getText().isBlank(), "the page says why it plays HLS");
                assertEquals("hls", viewer.js("return document.getElementById('playback').value"));
                viewer.waitFor("counted as an HLS viewer", Duration.ofSeconds(20), d -> Api.get(api + "/stats/quality", ALICE)
                        .expect(200).json().getJsonObject("summary").getInt("hls") >= 1 ? true : null);
                assertTrue(Api.get(api + "/stats", ALICE).expect(200).json().getInt("currentViewers") >= 1);
            }

            // a network where WebRTC gets nowhere (a test-only switch: no ICE candidate at all, as with UDP
            // blocked and no TURN): the page tries WebRTC first and, not connected after a few seconds, plays HLS
            try (Browser viewer = Browser.launch()) {
                viewer.withUnreachableWebRtc();
                viewer.open("/watch/" + id);
                viewer.waitFor("the SFU's offer answered", Duration.ofSeconds(30),
                        d -> viewer.js("return window.relaycastWatch.sfu ? true : null"));
                viewer.waitFor("fell back to compatible playback", Duration.ofSeconds(30),
                        d -> "hls".equals(viewer.js("return window.relaycastWatch.playback")) ? true : null);
                viewer.waitFor("HLS plays", Duration.ofSeconds(45), d -> Boolean.TRUE.equals(viewer.js(
                        "const v = document.getElementById('video'); return v.videoWidth > 0 && v.currentTime > 2")) ? true : null);
                assertTrue(viewer.el("playback-note").getText().contains("WebRTC could not get through"),
                        viewer.el("playback-note").getText());
            }

            // restricted: the link goes to those on the list only
            Api.send("PUT", api + "/access", "{\"visibility\":\"restricted\",\"allowedUsers\":[\"bob\"]}", ALICE).expect(200);
            Api.get(api + "/hls", DAVE).expectProblem(403);
            Api.get(api + "/hls", null).expectProblem(401);
            Api.get(awaitLink(api, BOB).getString("url")).expect(200);
        }
    }

    static JsonObject awaitLink(String api, String credentials) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
        Api.Reply r = Api.get(api + "/hls", credentials);
        while (r.status() == 503 && System.nanoTime() < deadline) { // made on demand: starting
            assertEquals("2", r.raw().headers().firstValue("Retry-After").orElse(""));
            Thread.sleep(500);
            r = Api.get(api + "/hls", credentials);
        }
        return r.expect(200).json();
    }

    private static List<String> uris(String playlist) {
        return playlist.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    }

    private static long mediaSequence(String playlist) {
        return playlist.lines().filter(l -> l.startsWith("#EXT-X-MEDIA-SEQUENCE:")).findFirst()
                .map(l -> Long.parseLong(l.substring(22).trim())).orElseThrow();
    }

    /** ffprobe's codec names and sizes of an HLS rendition, read over HTTP as any player would. */
    private static String ffprobe(String url) throws Exception {
        return ffprobe(url, "stream=codec_name,height");
    }

    /** What ffprobe says of a URL (anonymous, or with alice's credentials for the API). */
    static String ffprobe(String url, String entries) throws Exception {
        String auth = "Authorization: Basic " + java.util.Base64.getEncoder().encodeToString(
                Api.ALICE.getBytes(StandardCharsets.UTF_8)) + "\r\n";
        Process p = new ProcessBuilder("ffprobe", "-v", "error", "-headers", auth, "-show_entries", entries,
                "-of", "default=noprint_wrappers=1", url).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "ffprobe " + url + ": " + out);
        return out;
    }
}
