package io.relaycast.it;

import jakarta.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a test (prints figures, asserts nothing; only run when named: -Dit.test=HlsBenchmark):
 * 1. glass-to-glass delay of WebRTC and of the live HLS rendition side by side, one console
 *    publishing the clock (IngestBenchmark's canvas camera), one viewer each way; the ladder's CPU
 *    and memory meanwhile;
 * 2. how many HLS ladders this machine keeps in real time: 1 to 4 encoder streams (720p30 H.264
 *    over RTMP, sent from a file without re-encoding) each with its rendition asked for; per step the
 *    slowest ladder's segments per wall-clock second × 2 s (1.0: real time), until one is below 0.5.
 */
class HlsBenchmark {

    private static final Duration WINDOW = Duration.ofSeconds(20);

    @Test
    void glassToGlassAndLaddersPerMachine() throws Exception {
        Janus.requireRunning();
        System.out.println("hls-bench transport first_frame_ms g2g_p50_ms g2g_p95_ms frames");
        if (!Boolean.getBoolean("hls.bench.laddersOnly")) {
            sideBySide();
        }
        System.out.println("hls-bench ladders min_speed ladder_cpu_percent_each ladder_rss_mb_each machine_idle_percent");
        Path source = source();
        try (Rtmp rtmp = Rtmp.start()) {
            for (int n = 1; n <= 4; n++) {
                if (!ladders(n, source)) {
                    break; // clearly overloaded: more would say nothing new
                }
            }
        }
    }

    private static JsonObject stream(String title) {
        return Api.post("/api/livestream/create", "{\"title\":\"" + title + " " + System.nanoTime()
                + "\",\"delivery\":\"sfu\",\"recordingEnabled\":false}", Api.ALICE).expect(201).json();
    }

    private static void sideBySide() throws Exception {
        try (Browser console = Browser.launch(); Browser webrtc = Browser.launch(); Browser hls = Browser.launch()) {
            console.driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
                    Map.of("source", IngestBenchmark.CANVAS_CAMERA));
            String id = ConsoleBrowserIT.goLive(console, "HLS bench " + System.nanoTime(), true, "sfu");
            long live = System.nanoTime();
            long t0 = System.currentTimeMillis();
            webrtc.open("/watch/" + id);
            hls.open("/watch/" + id + "?playback=hls");
            for (Browser b : List.of(webrtc, hls)) {
                b.waitFor("the watch page joined", d -> b.js("return window.relaycastWatch.sig") != null ? true : null);
                b.js(IngestBenchmark.READ_CLOCK);
            }
            long[] first = new long[2];
            int i = 0;
            for (Browser b : List.of(webrtc, hls)) {
                first[i++] = ((Number) b.waitFor("a first frame", Duration.ofSeconds(60),
                        d -> b.js("return window.g2g.first"))).longValue() - t0;
            }
            Thread.sleep(6000); // past the start: HLS settles two segments behind the live edge
            webrtc.js("window.g2g.samples = []");
            hls.js("window.g2g.samples = []");
            double cpu0 = IngestBenchmark.cpuSeconds(HlsBenchmark::isLadder);
            long w0 = System.nanoTime();
            Thread.sleep(WINDOW.toMillis());
            double seconds = (System.nanoTime() - w0) / 1e9;
            double cpu = (IngestBenchmark.cpuSeconds(HlsBenchmark::isLadder) - cpu0) / seconds * 100;
            print("webrtc", first[0], webrtc);
            print("hls", first[1], hls);
            System.out.printf("hls-bench ladder-of-the-console-stream cpu_percent=%.0f rss_mb=%.0f%n", cpu, rssMb());
            Api.post("/api/livestream/" + id + "/end", "{}", Api.ALICE);
            double onAir = (System.nanoTime() - live) / 1e9;
            // the recording (by Janus), then its HLS encode: how long the server's log says it took
            Path log = Path.of("target", "liberty", "wlp", "usr", "servers", "relaycast-it", "logs", "messages.log");
            String line = null;
            for (int t = 0; t < 240 && line == null; t++) {
                Thread.sleep(500);
                line = Files.readAllLines(log).stream().filter(l -> l.contains("Recording of " + id + " as HLS in"))
                        .findFirst().orElse(null);
            }
            System.out.printf("hls-bench vod-hls on_air_s=%.0f encode: %s%n", onAir,
                    line == null ? "not within 2 minutes" : line.substring(line.indexOf("as HLS in") + 10));
        }
    }

    private static void print(String transport, long first, Browser viewer) {
        List<Long> samples = new ArrayList<>();
        for (Object o : (List<?>) viewer.js("return window.g2g.samples")) {
            samples.add(((Number) o).longValue());
        }
        Collections.sort(samples);
        System.out.printf("hls-bench %s %d %d %d %d%n", transport, first, pct(samples, 50), pct(samples, 95), samples.size());
    }

    /** n encoder streams at once, each with its rendition: whether every ladder kept up. */
    private static boolean ladders(int n, Path source) throws Exception {
        List<Process> encoders = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                JsonObject s = stream("Ladder " + i);
                ids.add(s.getString("streamId"));
                encoders.add(new ProcessBuilder("ffmpeg", "-hide_banner", "-loglevel", "error", "-re", "-stream_loop", "-1",
                        "-i", source.toString(), "-c", "copy", "-f", "flv",
                        "rtmp://127.0.0.1:" + Rtmp.PORT + "/live/" + s.getString("streamKey"))
                        .redirectErrorStream(true).redirectOutput(Path.of("target", "hls-bench-encoder.log").toFile()).start());
            }
            List<String> playlists = new ArrayList<>();
            for (String id : ids) {
                Api.awaitStatus(id, "live", Duration.ofSeconds(30), () -> "the encoder took the stream");
                String url = LiveHlsIT.awaitLink("/api/livestream/" + id, null).getString("url");
                playlists.add(url.replace("master.m3u8", "v0/index.m3u8"));
            }
            Thread.sleep(6000);
            List<Long> before = new ArrayList<>();
            for (String p : playlists) {
                before.add(mediaSequence(p));
            }
            double cpu0 = IngestBenchmark.cpuSeconds(HlsBenchmark::isLadder);
            double all0 = machineIdleSeconds();
            long w0 = System.nanoTime();
            Thread.sleep(WINDOW.toMillis());
            double seconds = (System.nanoTime() - w0) / 1e9;
            double cpu = (IngestBenchmark.cpuSeconds(HlsBenchmark::isLadder) - cpu0) / seconds * 100 / n;
            double idle = (machineIdleSeconds() - all0) / seconds * 100 / Runtime.getRuntime().availableProcessors();
            double slowest = Double.MAX_VALUE;
            for (int i = 0; i < n; i++) {
                slowest = Math.min(slowest, (mediaSequence(playlists.get(i)) - before.get(i)) * 2.0 / seconds);
            }
            System.out.printf("hls-bench %d %.2f %.0f %.0f %.0f%n", n, slowest, cpu, rssMb() / n, idle);
            return slowest >= 0.5;
        } finally {
            for (Process e : encoders) {
                e.destroy();
                e.waitFor(10, TimeUnit.SECONDS);
            }
            for (String id : ids) {
                Api.post("/api/livestream/" + id + "/end", "{}", Api.ALICE);
            }
            Thread.sleep(3000);
        }
    }

    private static boolean isLadder(String cmd) {
        return cmd.startsWith("ffmpeg ") && cmd.contains("publication.sdp");
    }

    private static long mediaSequence(String playlistUrl) {
        return Api.get(playlistUrl).expect(200).body().lines().filter(l -> l.startsWith("#EXT-X-MEDIA-SEQUENCE:"))
                .findFirst().map(l -> Long.parseLong(l.substring(22).trim())).orElseThrow();
    }

    /** A 20 s 720p30 H.264 (baseline, no B-frames: the bridge passes it through) + AAC file, made once. */
    private static Path source() throws Exception {
        Path file = Path.of("target", "hls-bench-720p.mp4"); // MP4: the codecs known before the first packet (FLV in, FLV out: not)
        if (!Files.exists(file)) {
            Process p = new ProcessBuilder("ffmpeg", "-hide_banner", "-loglevel", "error", "-y",
                    "-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=30", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
                    "-t", "20", "-c:v", "libx264", "-preset", "veryfast", "-profile:v", "baseline", "-pix_fmt", "yuv420p",
                    "-g", "30", "-bf", "0", "-b:v", "2500k", "-c:a", "aac", "-b:a", "128k", "-movflags", "+faststart", file.toString())
                    .redirectErrorStream(true).redirectOutput(new File("target/hls-bench-source.log")).start();
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new AssertionError("the benchmark's source could not be made: see target/hls-bench-source.log");
            }
        }
        return file;
    }

    /** Resident memory of the running ladders, MB. */
    private static double rssMb() throws IOException {
        double kb = 0;
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(d -> d.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                try {
                    if (isLadder(Files.readString(p.resolve("cmdline")).replace('\0', ' '))) {
                        kb += Files.readAllLines(p.resolve("status")).stream().filter(l -> l.startsWith("VmRSS:"))
                                .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", ""))).sum();
                    }
                } catch (IOException | RuntimeException e) {
                    // ended meanwhile
                }
            }
        }
        return kb / 1024;
    }

    /** Idle CPU seconds of the whole machine so far (all cores). */
    private static double machineIdleSeconds() throws IOException {
        String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        return (Long.parseLong(cpu[4]) + Long.parseLong(cpu[5])) / 100.0;
    }

    private static long pct(List<Long> sorted, int p) {
        return sorted.isEmpty() ? -1 : sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100));
    }
}
