package io.relaycast.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A stock Open Liberty runtime (io.openliberty:openliberty-runtime from the local Maven repository,
 * unzipped once per test run) and an operator's steps on it: create a server, edit its server.xml,
 * run liberty-config/deploy/install.sh, start and stop it.
 */
final class StockLiberty {

    static final Path REPO = Path.of(System.getProperty("relaycast.repoDir", "..")).toAbsolutePath().normalize();
    private static Path wlp;

    private StockLiberty() {
    }

    static synchronized Path wlp() throws Exception {
        if (wlp == null) {
            Path zip = Path.of(System.getProperty("relaycast.libertyZip", ""));
            if (!Files.isRegularFile(zip)) {
                Assumptions.abort("no openliberty-runtime zip in the local Maven repository: " + zip);
            }
            Path dir = Path.of("target", "stock-liberty").toAbsolutePath();
            run(Duration.ofMinutes(3), "rm", "-rf", dir.toString());
            Files.createDirectories(dir);
            run(Duration.ofMinutes(5), "unzip", "-q", zip.toString(), "-d", dir.toString());
            wlp = dir.resolve("wlp");
        }
        return wlp;
    }

    static Path serverDir(String name) throws Exception {
        return wlp().resolve("usr/servers/" + name);
    }

    /**
     * Creates the server as an operator would and edits its template: the Java EE 8 feature out,
     * ports of their choosing, {@code extraConfig} (their own elements) in.
     */
    static void create(String name, int http, int https, String extraConfig) throws Exception {
        server("create", name);
        Path xml = serverDir(name).resolve("server.xml");
        Files.writeString(xml, Files.readString(xml).replace("<feature>jsp-2.3</feature>", "")
                .replace("\"9080\"", "\"" + http + "\"").replace("\"9443\"", "\"" + https + "\"")
                .replace("</server>", extraConfig + "\n</server>"));
    }

    static Result install(String name, String... options) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(REPO.resolve("liberty-config/deploy/install.sh").toString(),
                "--wlp", wlp().toString(), "--server", name));
        cmd.addAll(List.of(options));
        return run(Duration.ofMinutes(2), cmd.toArray(String[]::new));
    }

    /** Readiness once the application answers: 200, or 503 with the checks saying why. */
    static Api.Reply awaitReady(String base) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(180);
        Api.Reply last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                last = Api.sendTo(base, "GET", "/health/ready", null, null, null);
                if (last.status() == 200 || (last.status() == 503 && last.body().contains("\"checks\""))) {
                    return last;
                }
            } catch (IllegalStateException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the installed server did not answer /health/ready: "
                + (last == null ? "no answer" : last.body()));
    }

    static void server(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(wlp().resolve("bin/server").toString()));
        cmd.addAll(List.of(args));
        Result r = run(Duration.ofMinutes(3), cmd.toArray(String[]::new));
        if (r.exit() != 0 && !(args[0].equals("stop") && r.exit() == 1)) {
            throw new AssertionError("server " + String.join(" ", args) + " exited with " + r.exit() + ": " + r.output());
        }
    }

    record Result(int exit, String output) {
        Result expectSuccess() {
            assertEquals(0, exit, output);
            return this;
        }
    }

    static Result run(Duration timeout, String... cmd) throws IOException, InterruptedException {
        Path out = Files.createTempFile("stock-liberty", ".log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", cmd) + " did not finish in " + timeout);
        }
        String output = Files.readString(out);
        Files.delete(out);
        return new Result(p.exitValue(), output);
    }
}
