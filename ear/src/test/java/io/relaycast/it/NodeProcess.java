package io.relaycast.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * One node of a test cluster: the build's `relaycast-node` Liberty server started as a process of
 * its own, with its own WLP_OUTPUT_DIR and HTTP port, on the Redis and PostgreSQL that
 * start-backends.sh started (target/backends.env) — as docs/operations.md tells operators to.
 */
final class NodeProcess implements AutoCloseable {

    private static final Path WLP = Path.of(System.getProperty("relaycast.wlpDir", "target/liberty/wlp"));
    private static final String SERVER = System.getProperty("relaycast.nodeServer", "relaycast-node");

    private final String name;
    private final int httpPort;
    private final Map<String, String> env = new LinkedHashMap<>();
    private final Path outputDir;

    private NodeProcess(String name, int httpPort, Map<String, String> backends, Map<String, String> extra) {
        this.name = name;
        this.httpPort = httpPort;
        this.outputDir = WLP.getParent().getParent().resolve("nodes").resolve(name).toAbsolutePath();
        env.putAll(backends);
        env.put("WLP_OUTPUT_DIR", outputDir.toString());
        env.put("HTTP_PORT", Integer.toString(httpPort));
        env.put("HTTPS_PORT", Integer.toString(httpPort + 363));
        env.putAll(extra);
    }

    /**
     * The backends' settings, or the test is skipped (failed under RELAYCAST_REQUIRE_CLUSTER=true,
     * as in CI) when start-backends.sh found no redis-server or PostgreSQL.
     */
    static Map<String, String> backends() throws IOException {
        Path file = Path.of(System.getProperty("relaycast.backendsEnv", "target/backends.env"));
        if (!Files.exists(file)) {
            if ("true".equalsIgnoreCase(System.getenv("RELAYCAST_REQUIRE_CLUSTER"))) {
                throw new AssertionError("no Redis/PostgreSQL for the cluster tests (" + file + " missing)");
            }
            Assumptions.abort("redis-server/postgresql not installed: cluster tests skipped");
        }
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            int eq = line.indexOf('=');
            if (eq > 0 && !line.startsWith("#")) {
                env.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return env;
    }

    static NodeProcess start(String name, int httpPort, Map<String, String> backends, Map<String, String> extra)
            throws IOException, InterruptedException {
        NodeProcess n = new NodeProcess(name, httpPort, backends, extra);
        if (Files.exists(n.outputDir)) {
            try (Stream<Path> old = Files.walk(n.outputDir)) {
                old.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        n.server("start");
        return n;
    }

    String base() {
        return "http://localhost:" + httpPort;
    }

    String name() {
        return name;
    }

    /** Until /health/ready (database and Redis) and the API answer. */
    void awaitReady(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        String last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            try {
                Api.Reply r = Api.sendTo(base(), "GET", "/health/ready", null, null, null);
                if (r.status() == 200
                        && Api.sendTo(base(), "GET", "/api/livestream/active", null, null, null).status() == 200) {
                    return;
                }
                last = r.status() + " " + r.body();
            } catch (IllegalStateException e) {
                last = e.getMessage();
            }
            Thread.sleep(500);
        }
        throw new AssertionError(name + " not ready: " + last + " (see " + outputDir + "/" + SERVER + "/logs)");
    }

    /** SIGKILL: the node vanishes without a word, as in a crash or a pulled cable. */
    void kill() throws Exception {
        long pid = Long.parseLong(Files.readString(outputDir.resolve(".pid/" + SERVER + ".pid")).trim());
        ProcessHandle handle = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no process " + pid));
        handle.destroyForcibly();
        handle.onExit().get(30, TimeUnit.SECONDS);
    }

    private void server(String action) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(WLP.resolve("bin/server").toString(), action, SERVER)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        WLP.getParent().getParent().resolve("nodes-" + name + ".out").toFile()));
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(name + ": server " + action + " did not finish");
        }
    }

    @Override
    public void close() throws Exception {
        if (Files.exists(outputDir.resolve(".pid/" + SERVER + ".pid"))) {
            server("stop");
        }
    }
}
