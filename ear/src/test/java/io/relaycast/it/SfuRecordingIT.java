package io.relaycast.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Recording on the server (Janus records the SFU stream, janus-pp-rec and ffmpeg build the VOD): the
 * broadcaster's tab dies mid-stream and comes back within the grace period, and one VOD covers the
 * whole stream, gap included, and plays in Chromium; then the same as HLS (the live ladder), streamed by the VOD page.
 */
class SfuRecordingIT {

    private static JsonObject stream(String id) {
        return Api.get("/api/livestream/" + id, Api.ALICE).expect(200).json().getJsonObject("stream");
    }

    @Test
    void aTabThatDiesAndComesBackLeavesOneRecordingOfTheWholeStream() throws Exception {
        Janus.requireRunning();
        String title = "Server-recorded " + System.nanoTime();
        String id;
        long started;
        long ended;
        try (Browser first = Browser.launch()) {
            id = ConsoleBrowserIT.goLive(first, title, true, "sfu");
            started = System.nanoTime();
            JsonObject s = stream(id);
            assertEquals("server", s.getString("recordedBy"));
            assertEquals("recording", s.getString("recordingState"));
            Thread.sleep(6000);
            assertEquals(null, first.js("return window.relaycastConsole.recorder || null"),
                    "the page does not record a stream the server records");
        } // the tab is gone without a word: the grace period starts
        try (Browser again = Browser.launch()) {
            again.signIn("alice", "alice-demo");
            again.waitFor("resume offered", d -> Boolean.TRUE.equals(again.js(
                    "const li = [...document.querySelectorAll('#my-streams li')].find(x => x.textContent.includes(arguments[0]));"
                            + "if (!li) return false; li.querySelector('button').click(); return true;", title)) ? true : null);
            again.waitFor("console live again", d -> "live".equals(again.text("status")) ? true : null);
            again.waitFor("publishing again", Duration.ofSeconds(30), d -> Boolean.TRUE.equals(again.js(
                    "return [...window.relaycastConsole.peers.values()].some(p => p.pc.connectionState === 'connected')"))
                    ? true : null);
            Thread.sleep(8000);
            again.el("end").click();
            again.el("end-confirm").click();
            ended = System.nanoTime();
            // the console follows the recording after the end until it is ready
            again.waitFor("the console says the recording is ready", Duration.ofSeconds(60), d -> "ready".equals(
                    again.el("ended-recording-state").getAttribute("data-state")) ? true : null);
        }
        double wall = (ended - started) / 1e9;
        String url = RecordingIT.awaitRecordingUrl(id);
        assertEquals("ready", stream(id).getString("recordingState"));
        double seconds = RecordingIT.durationSeconds(RecordingIT.getBytes(url, null).body());
        System.out.printf("SfuRecordingIT: on air %.1f s, recording %.1f s%n", wall, seconds);
        // the gap while no tab published is part of the recording's clock: it spans the whole stream
        assertTrue(seconds >= wall - 5 && seconds <= wall + 2, "recording lasts " + seconds + " s of " + wall + " s on air");

        // then as HLS with the live ladder: each rendition as long as the recording
        String hls = "/api/livestream/" + id + "/recording/hls/";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (Api.get(hls + "master.m3u8", Api.ALICE).status() == 404 && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        String master = Api.get(hls + "master.m3u8", Api.ALICE).expect(200).body();
        List<String> renditions = master.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        assertTrue(renditions.size() >= 2, master);
        for (String rendition : renditions) {
            double hlsSeconds = Double.parseDouble(LiveHlsIT.ffprobe(Api.BASE + hls + rendition, "format=duration")
                    .replaceAll("(?s).*duration=([0-9.]+).*", "$1"));
            System.out.printf("SfuRecordingIT: %s %.1f s%n", rendition, hlsSeconds);
            assertTrue(Math.abs(hlsSeconds - seconds) <= 3, rendition + " lasts " + hlsSeconds + " s of " + seconds);
        }
        Api.get(hls + "ffmpeg.log", Api.ALICE).expectProblem(404); // only the ladder's own names

        try (Browser viewer = Browser.launch()) {
            viewer.open("/vod/" + id);
            viewer.waitFor("the recording plays", Duration.ofSeconds(30), d -> Boolean.TRUE.equals(viewer.js(
                    "const v = document.getElementById('video'); v.muted = true; v.play().catch(() => {});"
                            + "return v.readyState >= 2 && v.videoWidth > 0")) ? true : null);
            assertEquals("hls", viewer.js("return window.relaycastVod.source"), "streamed as HLS");
            viewer.js("const v = document.getElementById('video'); v.currentTime = v.duration - 3;");
            viewer.waitFor("seeks to the end", Duration.ofSeconds(20), d -> Boolean.TRUE.equals(viewer.js(
                    "const v = document.getElementById('video'); return v.currentTime > v.duration - 4 && v.readyState >= 2"))
                    ? true : null);
        }
    }
}
