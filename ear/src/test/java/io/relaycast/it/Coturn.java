package io.relaycast.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** A real coturn on 127.0.0.1:3478 with use-auth-secret and the test server's secret. */
final class Coturn implements AutoCloseable {

    private final Process process;
    final Path dir;

    private Coturn(Process process, Path dir) {
        this.process = process;
        this.dir = dir;
    }

    static boolean installed() {
        return Files.isExecutable(Path.of("/usr/bin/turnserver")) && Files.isExecutable(Path.of("/usr/bin/turnutils_uclient"));
    }

    /** Skips the calling tests when coturn is missing, unless RELAYCAST_REQUIRE_COTURN=true (CI). */
    static void requireInstalled() {
        if (!installed()) {
            if ("true".equalsIgnoreCase(System.getenv("RELAYCAST_REQUIRE_COTURN"))) {
                throw new AssertionError("coturn (turnserver, turnutils_uclient) is not installed");
            }
            Assumptions.abort("coturn is not installed (apt-get install coturn)");
        }
    }

    static Coturn start() throws IOException, InterruptedException {
        requireInstalled();
        Path dir = Files.createDirectories(Path.of("target", "coturn"));
        Path conf = dir.resolve("turnserver.conf");
        Path log = dir.resolve("turnserver.log");
        Files.deleteIfExists(log);
        Files.writeString(conf, String.join("\n",
                "listening-ip=127.0.0.1", "relay-ip=127.0.0.1", "listening-port=3478",
                "min-port=49160", "max-port=49300", "realm=relaycast.test",
                "use-auth-secret", "static-auth-secret=" + SecretsIT.TURN_SECRET,
                "fingerprint", "no-tls", "no-dtls", "no-cli", "allow-loopback-peers", "no-multicast-peers",
                "userdb=" + dir.toAbsolutePath().resolve("turndb"), "pidfile=" + dir.toAbsolutePath().resolve("pid"),
                "log-file=" + log.toAbsolutePath(), "simple-log", "verbose", ""));
        // coturn buffers stdout when it is not a terminal: its own log file is written as it goes.
        Process p = new ProcessBuilder("/usr/bin/turnserver", "-c", conf.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("turnserver.out").toFile()).start();
        for (int i = 0; i < 100; i++) {
            if (Files.exists(log) && Files.readString(log).contains("Total General servers")) {
                return new Coturn(p, dir);
            }
            assertTrue(p.isAlive(), () -> "turnserver exited: " + read(log));
            Thread.sleep(100);
        }
        p.destroy();
        throw new AssertionError("coturn did not open its listener: " + read(log));
    }

    String log() {
        return read(dir.resolve("turnserver.log"));
    }

    private static String read(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
