package io.relaycast.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * The RTMP side as an operator starts it (liberty-config/rtmp/run-rtmp.sh: nginx-rtmp calling
 * back to the test server, an ffmpeg bridge per publication into its Janus), and ffmpeg as the
 * encoder: a generated test pattern with a tone, H.264 + AAC over RTMP as OBS sends it.
 */
final class Rtmp implements AutoCloseable {

    static final int PORT = 19350;
    private static final Path SCRIPT = Path.of("..", "liberty-config", "rtmp", "run-rtmp.sh");

    private final Process server;
    private final Path log;

    private Rtmp(Process server, Path log) {
        this.server = server;
        this.log = log;
    }

    /** Starts it, or skips the test where nginx-rtmp is not installed (unless RELAYCAST_REQUIRE_RTMP=true, CI). */
    static Rtmp start() throws Exception {
        if (!Files.exists(Path.of("/usr/lib/nginx/modules/ngx_rtmp_module.so"))) {
            if ("true".equalsIgnoreCase(System.getenv("RELAYCAST_REQUIRE_RTMP"))) {
                fail("nginx-rtmp is not installed (apt-get install nginx libnginx-mod-rtmp)");
            }
            Assumptions.abort("nginx-rtmp is not installed (apt-get install nginx libnginx-mod-rtmp)");
        }
        Path log = Files.createDirectories(Path.of("target")).resolve("rtmp.log");
        Files.deleteIfExists(Path.of("target", "bridge.log")); // this run's only
        ProcessBuilder pb = new ProcessBuilder(SCRIPT.toString(), "--port", String.valueOf(PORT), "--server", Api.BASE,
                "--log-dir", "target", "--control-port", String.valueOf(PORT + 1))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().remove("JANUS_URL"); // the RTP goes where Relaycast says its Janus is
        Rtmp rtmp = new Rtmp(pb.start(), log);
        Instant deadline = Instant.now().plusSeconds(20);
        while (!listening()) {
            if (!rtmp.server.isAlive() || Instant.now().isAfter(deadline)) {
                rtmp.close();
                throw new AssertionError("the RTMP server did not start: " + Files.readString(log));
            }
            Thread.sleep(100);
        }
        return rtmp;
    }

    private static boolean listening() {
        try (Socket s = new Socket("127.0.0.1", PORT)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** ffmpeg publishing a test pattern and a 440 Hz tone with this key, in real time: H.264 as browsers take it. */
    static Process publish(String streamKey, String name) throws IOException {
        return publish(streamKey, name, "baseline", "0");
    }

    /** As {@link #publish(String, String)}, with an H.264 profile and B-frames (OBS's x264 default: high, 2). */
    static Process publish(String streamKey, String name, String profile, String bFrames) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-loglevel", "warning", "-re",
                "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=30",
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
                "-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency", "-profile:v", profile,
                "-pix_fmt", "yuv420p", "-g", "30", "-bf", bFrames, "-b:v", "800k",
                "-c:a", "aac", "-b:a", "96k", "-f", "flv", "rtmp://127.0.0.1:" + PORT + "/live/" + streamKey));
        File out = Path.of("target", "ffmpeg-" + name + ".log").toFile();
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out).start();
    }

    /**
     * As {@link #publish(String, String, String, String)}, with the wall clock drawn into the top
     * left as 24 blocks of 16 px (block k white: bit k of the time in ms mod 2^24) for glass-to-glass
     * measurements ({@link IngestBenchmark}).
     */
    static Process publishClock(String streamKey, String name, String profile, String bFrames) throws IOException {
        List<String> cmd = List.of("ffmpeg", "-hide_banner", "-loglevel", "warning", "-re",
                "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=30",
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
                "-filter_complex", "[0:v]split[main][b];[b]crop=384:16:0:0,setpts=RTCTIME/(1000000*TB),"
                        + "geq=lum='255*mod(floor(mod(T*1000\\,16777216)/pow(2\\,floor(X/16)))\\,2)':cb=128:cr=128,"
                        + "setpts=N/(30*TB)[band];[main][band]overlay=0:0[v]",
                "-map", "[v]", "-map", "1:a",
                "-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency", "-profile:v", profile,
                "-pix_fmt", "yuv420p", "-g", "30", "-bf", bFrames, "-b:v", "1500k",
                "-c:a", "aac", "-b:a", "96k", "-f", "flv", "rtmp://127.0.0.1:" + PORT + "/live/" + streamKey);
        File out = Path.of("target", "ffmpeg-" + name + ".log").toFile();
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out).start();
    }

    /** What the RTMP server and its bridges wrote. */
    String log() throws IOException {
        Path bridges = Path.of("target", "bridge.log");
        return Files.readString(log) + (Files.exists(bridges) ? Files.readString(bridges) : "");
    }

    @Override
    public void close() throws Exception {
        List<ProcessHandle> children = server.descendants().toList(); // nginx's workers and bridges
        server.destroy();
        if (!server.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
            server.destroyForcibly();
        }
        children.forEach(ProcessHandle::destroyForcibly);
    }
}
