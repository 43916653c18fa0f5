package io.relaycast.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The load client (bench/sfu-load.mjs) at CI size: 30 synthetic WebRTC viewers (libdatachannel,
 * no browser) join an SFU stream it publishes itself, through the test server and Janus, and every
 * one of them receives video. Behaviour, not speed: the figures are the benchmark's.
 */
class SfuLoadIT {

    private static final Path BENCH = Path.of("..", "bench");
    private static final int VIEWERS = 30;
    private static final Pattern SUMMARY = Pattern.compile(
            "^sfu-load: viewers=(\\d+) receiving=(\\d+) join-to-keyframe p50=(\\S+) p95=(\\S+) loss=([\\d.]+)%$");

    static void requireLoadClient() {
        if (!Files.isDirectory(BENCH.resolve("node_modules").resolve("node-datachannel"))) {
            if ("true".equalsIgnoreCase(System.getenv("RELAYCAST_REQUIRE_JANUS"))) {
                fail("bench/node_modules is missing: run `npm ci` in bench");
            }
            Assumptions.abort("the load client is not installed (cd bench && npm ci)");
        }
    }

    @Test
    void everySyntheticViewerReceivesTheStream() throws Exception {
        Janus.requireRunning();
        requireLoadClient();
        Path out = Files.createTempFile("sfu-load", ".log");
        Process p = loadClient(out, "ws://127.0.0.1:" + Janus.PORT, "--viewers=" + VIEWERS, "--base=" + Api.BASE,
                "--ramp=3", "--measure=4", "--timeout=90", "--procs=1").start();
        if (!p.waitFor(150, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("the load client did not finish within 150 s:\n" + read(out));
        }
        String log = read(out);
        assertEquals(0, p.exitValue(), log);
        Matcher m = summary(log);
        assertEquals(VIEWERS, Integer.parseInt(m.group(1)), log);
        assertEquals(VIEWERS, Integer.parseInt(m.group(2)), "every viewer receives video:\n" + log);
        assertTrue(log.contains("viewers asked/joined/receiving") && log.contains(VIEWERS + " / " + VIEWERS + " / "),
                "every viewer joined:\n" + log);
        // media, not just a few packets: the loss figure is over what arrived in the window
        assertTrue(Double.parseDouble(m.group(5)) < 20, "most packets arrive even on a loaded machine:\n" + log);
    }

    /** The load client (bench/sfu-load.mjs) with these options, its output into {@code out}. */
    static ProcessBuilder loadClient(Path out, String janusUrls, String... options) {
        List<String> command = new java.util.ArrayList<>(List.of("node", "sfu-load.mjs"));
        command.addAll(List.of(options));
        ProcessBuilder pb = new ProcessBuilder(command).directory(BENCH.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile());
        pb.environment().put("JANUS_URLS", janusUrls);
        return pb;
    }

    /** The summary, which must be the last line of the client's output. */
    static Matcher summary(String log) {
        List<String> lines = log.lines().filter(l -> !l.isBlank()).toList();
        Matcher m = SUMMARY.matcher(lines.isEmpty() ? "" : lines.get(lines.size() - 1));
        assertTrue(m.matches(), "the last line is the summary:\n" + log);
        return m;
    }

    private static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }
}
