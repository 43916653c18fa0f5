package io.relaycast.it;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Benchmark, not a test (prints figures, asserts nothing; not an *IT, so only run when named:
 * -Dit.test=IngestBenchmark): the three ways into an SFU stream side by side in one run — the
 * browser console, WHIP and RTMP (passed through, and re-encoded) — each with a viewer already
 * waiting: encoder connect → first decoded frame at the viewer, glass-to-glass delay (the sender's
 * wall clock drawn into the picture as 24 blocks, read back from each frame the viewer presents;
 * one machine, one clock), and the CPU of the RTMP bridge and of Janus while it runs.
 */
class IngestBenchmark {

    private static final Duration WINDOW = Duration.ofSeconds(12);

    /** A 640×360 canvas at 30 fps: a moving bar, and the clock band (bit k white = bit k of now mod 2^24). */
    static final String CANVAS_CAMERA = """
            window.clockStream = () => {
              const c = document.createElement('canvas'); c.width = 640; c.height = 360;
              const g = c.getContext('2d');
              setInterval(() => {
                const now = Date.now() % 16777216;
                g.fillStyle = '#246'; g.fillRect(0, 0, 640, 360);
                g.fillStyle = '#fc0'; g.fillRect((now / 5) % 600, 120, 40, 120);
                for (let k = 0; k < 24; k++) {
                  g.fillStyle = Math.floor(now / 2 ** k) % 2 ? '#fff' : '#000'; g.fillRect(k * 16, 0, 16, 16);
                }
              }, 33);
              return c.captureStream(30);
            };
            const original = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
            navigator.mediaDevices.getUserMedia = async (c) => {
              const out = new MediaStream();
              if (c && c.audio) (await original({audio: true})).getAudioTracks().forEach(t => out.addTrack(t));
              if (c && c.video) window.clockStream().getVideoTracks().forEach(t => out.addTrack(t));
              return out;
            };""";

    /** In the watch page: reads the band of every presented frame (scaled to the video's size). */
    static final String READ_CLOCK = """
            window.g2g = {first: null, samples: []};
            const v = document.getElementById('video');
            const c = document.createElement('canvas'); c.width = 384; c.height = 16;
            const g = c.getContext('2d', {willReadFrequently: true});
            const tick = () => {
              if (v.videoWidth) {
                const now = Date.now();
                g.drawImage(v, 0, 0, 384 * v.videoWidth / 640, 16 * v.videoHeight / 360, 0, 0, 384, 16);
                const d = g.getImageData(0, 0, 384, 16).data;
                let t = 0;
                for (let k = 0; k < 24; k++) if (d[(8 * 384 + k * 16 + 8) * 4] > 128) t += 2 ** k;
                if (window.g2g.first === null) window.g2g.first = now;
                window.g2g.samples.push(((now % 16777216) - t + 16777216) % 16777216);
              }
              v.requestVideoFrameCallback(tick);
            };
            v.requestVideoFrameCallback(tick);""";

    @Test
    void browserWhipAndRtmpSideBySide() throws Exception {
        Janus.requireRunning();
        System.out.println("ingest-bench kind connect_to_first_frame_ms g2g_p50_ms g2g_p95_ms frames bridge_cpu_percent janus_cpu_percent");
        console();
        whip();
        try (Rtmp rtmp = Rtmp.start()) {
            rtmp("rtmp-passthrough", "baseline", "0");
            rtmp("rtmp-transcoded", "high", "2");
        }
    }

    private static JsonObject stream(String kind) {
        return Api.post("/api/livestream/create", "{\"title\":\"Ingest bench " + kind + " " + System.nanoTime()
                + "\",\"delivery\":\"sfu\",\"recordingEnabled\":false}", Api.ALICE).expect(201).json();
    }

    private static void console() throws Exception {
        JsonObject s = stream("console");
        String id = s.getString("streamId");
        try (Browser b = Browser.launch(); Browser viewer = waitingViewer(id)) {
            b.driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", CANVAS_CAMERA));
            b.signIn("alice", "alice-demo").open("/console");
            b.waitFor("the stream offered to resume", d -> d.findElements(By.cssSelector(
                    "li[data-stream-id='" + id + "'] button")).isEmpty() ? null : Boolean.TRUE);
            b.driver.findElement(By.cssSelector("li[data-stream-id='" + id + "'] button")).click();
            b.waitFor("preview playing", d -> Boolean.TRUE.equals(
                    b.js("return document.getElementById('preview').videoWidth > 0")) ? Boolean.TRUE : null);
            long t0 = System.currentTimeMillis();
            b.goLiveInConsole();
            measure("console", viewer, t0, null);
        }
    }

    private static void whip() throws Exception {
        JsonObject s = stream("whip");
        String id = s.getString("streamId");
        try (Browser encoder = Browser.launch(); Browser viewer = waitingViewer(id)) {
            encoder.open("/signin");
            encoder.js(CANVAS_CAMERA);
            long t0 = System.currentTimeMillis();
            Object created = ((JavascriptExecutor) encoder.driver).executeAsyncScript(
                    "const [id, key, done] = arguments; (async () => {"
                    + " const media = await navigator.mediaDevices.getUserMedia({video: true, audio: true});"
                    + " const pc = new RTCPeerConnection(); window.pc = pc;"
                    + " media.getTracks().forEach(t => pc.addTransceiver(t, {direction: 'sendonly', streams: [media]}));"
                    + " await pc.setLocalDescription(await pc.createOffer());"
                    + " await new Promise(r => { if (pc.iceGatheringState === 'complete') r();"
                    + "   pc.onicegatheringstatechange = () => pc.iceGatheringState === 'complete' && r(); });"
                    + " const res = await fetch('/whip/' + id, {method: 'POST', body: pc.localDescription.sdp,"
                    + "   headers: {'Authorization': 'Bearer ' + key, 'Content-Type': 'application/sdp'}});"
                    + " await pc.setRemoteDescription({type: 'answer', sdp: await res.text()}); done(res.status);"
                    + "})().catch(e => done('' + e));", id, s.getString("streamKey"));
            if (!Long.valueOf(201).equals(created)) {
                throw new AssertionError("WHIP publish: " + created);
            }
            measure("whip", viewer, t0, null);
        }
    }

    private static void rtmp(String kind, String profile, String bFrames) throws Exception {
        JsonObject s = stream(kind);
        String id = s.getString("streamId");
        Process encoder = null;
        try (Browser viewer = waitingViewer(id)) {
            long t0 = System.currentTimeMillis();
            encoder = Rtmp.publishClock(s.getString("streamKey"), kind, profile, bFrames);
            measure(kind, viewer, t0, cmd -> cmd.contains("ffmpeg") && cmd.contains("-f rtp"));
        } finally {
            if (encoder != null) {
                encoder.destroy();
                encoder.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static Browser waitingViewer(String id) throws IOException {
        Browser viewer = Browser.launch();
        viewer.open("/watch/" + id);
        viewer.waitFor("the watch page is waiting", d -> viewer.js("return window.relaycastWatch.sig") != null ? true : null);
        viewer.js(READ_CLOCK);
        return viewer;
    }

    private static void measure(String kind, Browser viewer, long t0, Predicate<String> bridge) throws Exception {
        long first = ((Number) viewer.waitFor("a first frame", Duration.ofSeconds(60),
                d -> viewer.js("return window.g2g.first"))).longValue();
        Thread.sleep(2000); // past the start (first keyframe, bandwidth estimation)
        viewer.js("window.g2g.samples = []");
        double bridge0 = bridge == null ? 0 : cpuSeconds(bridge);
        double janus0 = cpuSeconds(cmd -> cmd.startsWith("janus "));
        long w0 = System.nanoTime();
        Thread.sleep(WINDOW.toMillis());
        double seconds = (System.nanoTime() - w0) / 1e9;
        double bridgeCpu = bridge == null ? Double.NaN : (cpuSeconds(bridge) - bridge0) / seconds * 100;
        double janusCpu = (cpuSeconds(cmd -> cmd.startsWith("janus ")) - janus0) / seconds * 100;
        List<Long> samples = new ArrayList<>();
        for (Object o : (List<?>) viewer.js("return window.g2g.samples")) {
            samples.add(((Number) o).longValue());
        }
        Collections.sort(samples);
        System.out.printf("ingest-bench %s %d %d %d %d %s %.0f%n", kind, first - t0, pct(samples, 50), pct(samples, 95),
                samples.size(), Double.isNaN(bridgeCpu) ? "-" : String.format("%.0f", bridgeCpu), janusCpu);
    }

    private static long pct(List<Long> sorted, int p) {
        return sorted.isEmpty() ? -1 : sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100));
    }

    /** CPU seconds so far of the processes whose command line matches. */
    static double cpuSeconds(Predicate<String> command) throws IOException {
        double ticks = 0;
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(d -> d.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                try {
                    if (!command.test(Files.readString(p.resolve("cmdline")).replace('\0', ' '))) {
                        continue;
                    }
                    String stat = Files.readString(p.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                } catch (IOException | RuntimeException e) {
                    // ended meanwhile
                }
            }
        }
        return ticks / 100.0;
    }
}
