package io.relaycast.infrastructure.storage;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Browser MediaRecorder WebM has no duration and no cues, so players cannot seek it. A stream copy
 * through ffmpeg ({@code -c copy}: no re-encoding) writes both. Without ffmpeg the joined file is
 * kept as it is (it plays, but does not seek well).
 */
@ApplicationScoped
public class FfmpegRemuxer {

    private static final Logger LOG = Logger.getLogger(FfmpegRemuxer.class.getName());

    /** Remuxes {@code in} into {@code out}; returns false (and copies) when ffmpeg is unavailable or fails. */
    public boolean remux(Path in, Path out) throws IOException, InterruptedException {
        Path log = Files.createTempFile(in.getParent(), "ffmpeg", ".log");
        try {
            Process p = new ProcessBuilder("ffmpeg", "-nostdin", "-loglevel", "error", "-y", "-fflags", "+genpts",
                    "-i", in.toString(), "-c", "copy", "-f", "webm", out.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (p.waitFor(10, TimeUnit.MINUTES) && p.exitValue() == 0 && Files.size(out) > 0) {
                return true;
            }
            p.destroyForcibly();
            LOG.warning(() -> "ffmpeg remux failed; keeping the recording unremuxed: " + read(log));
        } catch (IOException e) {
            LOG.warning(() -> "ffmpeg not available (" + e.getMessage() + "); keeping the recording unremuxed");
        } finally {
            Files.deleteIfExists(log);
        }
        Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
        return false;
    }

    /**
     * Joins remuxed segments one after the other into {@code out} (stream copy, timestamps made
     * continuous); returns false when ffmpeg is unavailable or fails, writing nothing useful.
     */
    public boolean concat(List<Path> parts, Path out) throws IOException, InterruptedException {
        Path list = Files.createTempFile(out.getParent(), "concat", ".txt");
        Path log = Files.createTempFile(out.getParent(), "ffmpeg", ".log");
        try {
            StringBuilder lines = new StringBuilder();
            for (Path part : parts) {
                lines.append("file '").append(part.toAbsolutePath().toString().replace("'", "'\\''")).append("'\n");
            }
            Files.writeString(list, lines);
            Process p = new ProcessBuilder("ffmpeg", "-nostdin", "-loglevel", "error", "-y", "-f", "concat",
                    "-safe", "0", "-i", list.toString(), "-c", "copy", "-f", "webm", out.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (p.waitFor(10, TimeUnit.MINUTES) && p.exitValue() == 0 && Files.size(out) > 0) {
                return true;
            }
            p.destroyForcibly();
            LOG.warning(() -> "ffmpeg concat failed: " + read(log));
        } catch (IOException e) {
            LOG.warning(() -> "ffmpeg not available (" + e.getMessage() + "); cannot join recording segments");
        } finally {
            Files.deleteIfExists(list);
            Files.deleteIfExists(log);
        }
        return false;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
