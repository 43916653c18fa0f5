package io.relaycast.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/** The integration-test Liberty server as a process: stop, start, kill -9, wait until it answers. */
final class ServerProcess {

    private ServerProcess() {
    }

    static void run(String action) throws IOException, InterruptedException {
        Path wlp = Path.of(System.getProperty("relaycast.wlpDir"));
        Process p = new ProcessBuilder(wlp.resolve("bin/server").toString(), action,
                System.getProperty("relaycast.serverName"))
                .inheritIO()
                .start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("server " + action + " did not finish");
        }
        if (p.exitValue() != 0 && !(action.equals("start") && p.exitValue() == 1)) {
            throw new IllegalStateException("server " + action + " exited with " + p.exitValue());
        }
    }

    /** SIGKILL: no shutdown hook, no flush — what a crash or an OOM killer does. */
    static void kill() throws Exception {
        Path wlp = Path.of(System.getProperty("relaycast.wlpDir"));
        Path pidFile = wlp.resolve("usr/servers/.pid/" + System.getProperty("relaycast.serverName") + ".pid");
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        ProcessHandle handle = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no process " + pid));
        handle.destroyForcibly();
        handle.onExit().get(30, TimeUnit.SECONDS);
    }

    static void restartAndAwait() throws IOException, InterruptedException {
        run("start");
        awaitReady(Duration.ofSeconds(180));
    }

    static void awaitReady(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        String last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            try {
                Api.Reply r = Api.get("/health/ready");
                if (r.status() == 200) {
                    // readiness alone is not enough: the API must answer too
                    if (Api.get("/api/livestream/active").status() == 200) {
                        return;
                    }
                }
                last = r.status() + " " + r.body();
            } catch (IllegalStateException e) {
                last = e.getMessage();
            }
            Thread.sleep(500);
        }
        throw new AssertionError("server not ready after restart: " + last);
    }
}
