package io.relaycast.infrastructure.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/** Runs a media tool (ffmpeg, janus-pp-rec) to completion, its output kept in a file (no pipe to fill). */
public final class ExternalTool {

    private static final Logger LOG = Logger.getLogger(ExternalTool.class.getName());

    private ExternalTool() {
    }

    /** Whether an executable of that name is on the server's PATH. */
    public static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        return path != null && java.util.stream.Stream.of(path.split(java.io.File.pathSeparator))
                .anyMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, tool)));
    }

    /** The tool's output when it exited with 0 in time; empty (logged) when it failed, hung or is not installed. */
    static Optional<String> run(List<String> command, Duration timeout, Path workDir) throws InterruptedException {
        Path log = null;
        try {
            log = Files.createTempFile(workDir, "tool", ".log");
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean done;
            try {
                done = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                p.destroyForcibly(); // the server is stopping: no tool left running behind it
                throw e;
            }
            if (!done) {
                p.destroyForcibly();
                LOG.warning(() -> command.get(0) + " did not finish within " + timeout + ": " + command);
                return Optional.empty();
            }
            String output = Files.readString(log);
            if (p.exitValue() != 0) {
                LOG.warning(() -> command.get(0) + " failed (" + p.exitValue() + "): " + output);
                return Optional.empty();
            }
            return Optional.of(output);
        } catch (IOException e) {
            LOG.warning(() -> command.get(0) + " not available: " + e.getMessage());
            return Optional.empty();
        } finally {
            if (log != null) {
                try {
                    Files.deleteIfExists(log);
                } catch (IOException ignored) {
                    // a temporary log: nothing to do
                }
            }
        }
    }
}
