package io.relaycast.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;

/**
 * RTMP ingest end to end with the real parts: ffmpeg publishes H.264 + AAC to nginx-rtmp with a
 * stream's key, Relaycast admits it (on_publish), the bridge feeds the stream's Janus room as a
 * remote publisher, the scheduled stream goes live and browsers decode its frames and audio;
 * stopping the encoder gives the stream its grace period, then it ends. A wrong key is refused by
 * the RTMP server itself.
 */
class RtmpIT {

    private static Rtmp rtmp;

    @BeforeAll
    static void startRtmp() throws Exception {
        Janus.requireRunning();
        rtmp = Rtmp.start();
    }

    @AfterAll
    static void stopRtmp() throws Exception {
        if (rtmp != null) {
            rtmp.close();
        }
    }

    /** Frames and audio samples the viewer's connection decoded so far, from getStats. */
    private static final String DECODED = """
            const done = arguments[0];
            const pc = window.relaycastWatch.pc;
            if (!pc) { done([0, 0]); return; }
            pc.getStats().then(stats => {
              let frames = 0, samples = 0;
              stats.forEach(s => {
                if (s.type === 'inbound-rtp' && s.kind === 'video') frames = s.framesDecoded || 0;
                if (s.type === 'inbound-rtp' && s.kind === 'audio') samples = s.totalSamplesReceived || 0;
              });
              done([frames, samples]);
            }).catch(() => done([0, 0]));""";

    /**
     * As the operations guide has it: the owner opens the stream's studio, picks RTMP, starts the
     * encoder. The open studio (not publishing) gives the seat up and follows the room as an observer.
     */
    @Test
    void anRtmpEncoderGoesLiveViewersDecodeAndStoppingEndsTheStream() throws Exception {
        JsonObject s = Api.post("/api/livestream/create", "{\"title\":\"RTMP " + System.nanoTime()
                + "\",\"delivery\":\"sfu\",\"recordingEnabled\":false}", Api.ALICE).expect(201).json();
        String id = s.getString("streamId");
        List<Browser> viewers = new ArrayList<>();
        Process encoder = null;
        try (Browser console = Browser.launch()) {
            console.signIn("alice", "alice-demo").open("/console");
            console.waitFor("the stream offered to resume", d -> d.findElements(By.cssSelector(
                    "li[data-stream-id='" + id + "'] button")).isEmpty() ? null : Boolean.TRUE);
            console.driver.findElement(By.cssSelector("li[data-stream-id='" + id + "'] button")).click();
            console.waitFor("the studio joined", d -> console.js("return window.relaycastConsole.session?.sig?.joined")
                    == Boolean.TRUE ? true : null);
            new Select(console.el("ingest-source")).selectByValue("rtmp");
            assertEquals(s.getString("streamKey"), console.js("return document.getElementById('rtmp-key').value"));
            assertEquals("password", console.js("return document.getElementById('rtmp-key').type"), "the key is hidden");

            encoder = Rtmp.publish(s.getString("streamKey"), "rtmp-it");
            awaitStatus(id, "live", Duration.ofSeconds(30));
            for (int i = 0; i < 3; i++) {
                Browser v = Browser.launch();
                viewers.add(v);
                v.open("/watch/" + id);
            }
            for (Browser v : viewers) {
                v.awaitPlaying("video");
                v.waitFor("frames and audio decoded", Duration.ofSeconds(30), d -> {
                    List<?> got = (List<?>) ((JavascriptExecutor) v.driver).executeAsyncScript(DECODED);
                    return ((Number) got.get(0)).longValue() > 30 && ((Number) got.get(1)).longValue() > 48_000
                            ? Boolean.TRUE : null;
                });
            }
            assertEquals(640.0 / 360, ((Number) viewers.get(0).js(
                    "const x = document.getElementById('video'); return x.videoWidth / x.videoHeight")).doubleValue(), 0.01,
                    "the encoder's picture, passed through");
            JsonObject ingest = Api.get("/api/livestream/" + id + "/ingest", Api.ALICE).expect(200).json();
            JsonObject encoderNow = ingest.getJsonObject("encoder");
            assertEquals("rtmp", encoderNow.getString("protocol"), ingest.toString());
            assertEquals("h264", encoderNow.getJsonObject("input").getString("videoCodec"), ingest.toString());
            assertEquals(360, encoderNow.getJsonObject("input").getInt("height"));
            assertFalse(encoderNow.getJsonObject("input").getBoolean("transcoded"));
            assertTrue(encoderNow.getJsonArray("warnings").isEmpty(), ingest.toString());
            // the studio follows the room (counts, the encoder's state) without being counted itself
            console.waitFor("the panel shows the RTMP encoder", d -> String.valueOf(console.js(
                    "return document.getElementById('encoder-status').textContent")).contains("RTMP") ? true : null);
            console.waitFor("3 viewers on the console", d -> "3".equals(console.text("viewers")) ? true : null);
        } finally {
            for (Browser v : viewers) {
                v.close();
            }
            if (encoder != null) {
                encoder.destroy(); // the encoder stops: publish done, the grace period, the end
                encoder.waitFor(10, TimeUnit.SECONDS);
            }
        }
        awaitStatus(id, "ended", Duration.ofSeconds(60));
        String log = rtmp.log();
        assertTrue(log.contains("(passed through)"), log);
        assertFalse(log.contains(s.getString("streamKey")), "the key is in no log of the RTMP side");
    }

    @Test
    void videoBrowsersCannotPlayAsSentIsTranscodedAndTheServerRecordsIt() throws Exception {
        JsonObject s = Api.post("/api/livestream/create", "{\"title\":\"RTMP B-frames\",\"delivery\":\"sfu\","
                + "\"recordingEnabled\":true}", Api.ALICE).expect(201).json();
        String id = s.getString("streamId");
        Process encoder = Rtmp.publish(s.getString("streamKey"), "rtmp-bframes", "high", "2");
        try (Browser viewer = Browser.launch()) {
            awaitStatus(id, "live", Duration.ofSeconds(30));
            viewer.open("/watch/" + id);
            viewer.awaitPlaying("video");
            assertTrue(rtmp.log().contains("(transcoded)"), rtmp.log());
            JsonObject encoderNow = Api.get("/api/livestream/" + id + "/ingest", Api.ALICE).expect(200).json()
                    .getJsonObject("encoder");
            assertTrue(encoderNow.getJsonObject("input").getBoolean("transcoded"), encoderNow.toString());
            assertTrue(encoderNow.getJsonArray("warnings").toString().contains("B-frames"), encoderNow.toString());
        } finally {
            encoder.destroy();
            encoder.waitFor(10, TimeUnit.SECONDS);
        }
        awaitStatus(id, "ended", Duration.ofSeconds(60));
        // an encoder (a VideoRoom remote publisher) is recorded by the server too: H.264 re-encoded to VP8
        byte[] vod = RecordingIT.getBytes(RecordingIT.awaitRecordingUrl(id), null).body();
        assertEquals(java.util.List.of("vp8", "opus"), RecordingIT.codecs(vod).stream().sorted(
                java.util.Comparator.reverseOrder()).toList());
        assertTrue(RecordingIT.durationSeconds(vod) > 2, "the recording has the encoder's media");
    }

    @Test
    void wrongAndReplacedKeysAreRefusedByTheRtmpServer() throws Exception {
        JsonObject s = Api.post("/api/livestream/create", "{\"title\":\"RTMP refused\",\"delivery\":\"sfu\"}",
                Api.ALICE).expect(201).json();
        String id = s.getString("streamId");
        JsonObject ingest = Api.get("/api/livestream/" + id + "/ingest", Api.ALICE).expect(200).json();
        assertTrue(ingest.getBoolean("encodersAccepted"), ingest.toString());
        assertEquals(Api.BASE + "/whip/" + id, ingest.getJsonObject("whip").getString("url"));
        assertEquals("rtmp://localhost:1935/live", ingest.getJsonObject("rtmp").getString("server"));
        assertEquals(s.getString("streamKey"), ingest.getJsonObject("rtmp").getString("streamKey"));
        Api.get("/api/livestream/" + id + "/ingest", Api.BOB).expect(403);
        Api.post("/api/livestream/" + id + "/key", null, Api.BOB).expect(403);
        String newKey = Api.post("/api/livestream/" + id + "/key", null, Api.ALICE).expect(200).json().getString("streamKey");
        assertFalse(newKey.equals(s.getString("streamKey")));

        for (String key : new String[] {"rk_not-a-key-of-any-stream", s.getString("streamKey")}) {
            Process encoder = Rtmp.publish(key, "rtmp-refused");
            try {
                assertTrue(encoder.waitFor(30, TimeUnit.SECONDS), "the RTMP server should have refused the encoder");
                assertFalse(encoder.exitValue() == 0, "ffmpeg gave up with an error");
            } finally {
                encoder.destroyForcibly();
            }
        }
        assertEquals("scheduled", status(id));
    }

    private static String status(String id) {
        return Api.status(id);
    }

    private static void awaitStatus(String id, String status, Duration timeout) throws Exception {
        Api.awaitStatus(id, status, timeout, () -> "; RTMP log: " + log());
    }

    private static String log() {
        try {
            return rtmp.log();
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
