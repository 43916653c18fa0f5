package io.relaycast.infrastructure.hls;

import io.relaycast.application.recording.MediaFile;
import io.relaycast.application.recording.VodLadder;
import io.relaycast.infrastructure.storage.LocalFile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * ffmpeg encodes a finished recording into the ladder in a scratch folder (a local recording is
 * read in place, a stored object through ffmpeg's input); the files are then handed over, the
 * segments first and the master playlist last, so a rendition is served only once it is whole.
 */
@ApplicationScoped
public class FfmpegVodLadder implements VodLadder {

    /** An hour-long recording takes tens of CPU-minutes; a hung tool does not hold a builder for ever. */
    private static final long TIMEOUT_HOURS = 12;

    @Inject
    FfmpegHlsPackager live;

    @Override
    public boolean available() {
        return live.available(); // the same switch (HLS_ENABLED) and tool
    }

    @Override
    public void encode(MediaFile recording, Sink sink) throws IOException, InterruptedException {
        Path scratch = Files.createDirectories(live.scratchDir());
        Path dir = Files.createTempDirectory(scratch, "vod");
        try {
            Path local = recording instanceof LocalFile file ? file.path() : null; // else: through ffmpeg's input
            List<String> command = LadderCommand.vodCommand(local == null ? "-" : local.toString(), dir,
                    hasAudio(recording, local, dir));
            Files.createDirectories(dir.resolve("v0"));
            Files.createDirectories(dir.resolve("v1"));
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("ffmpeg.log").toFile()).start();
            try {
                if (local == null) {
                    try (InputStream in = recording.openAt(0); OutputStream out = p.getOutputStream()) {
                        in.transferTo(out);
                    }
                } else {
                    p.getOutputStream().close();
                }
                if (!p.waitFor(TIMEOUT_HOURS, TimeUnit.HOURS) || p.exitValue() != 0) {
                    throw new IOException("ffmpeg failed: " + Files.readString(dir.resolve("ffmpeg.log")).strip());
                }
            } finally {
                p.destroyForcibly();
            }
            handOver(dir, sink);
        } finally {
            try (Stream<Path> all = Files.walk(dir)) {
                all.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    /** Whether the recording has sound (ffprobe reads its head: a file in place, an object through its input). */
    private static boolean hasAudio(MediaFile recording, Path local, Path dir) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("ffprobe", "-v", "error", "-show_entries", "stream=codec_type", "-of", "csv=p=0",
                local == null ? "pipe:0" : local.toString()).redirectError(dir.resolve("ffprobe.log").toFile()).start();
        try {
            if (local == null) {
                try (InputStream in = recording.openAt(0); OutputStream out = p.getOutputStream()) {
                    in.transferTo(out);
                } catch (IOException probeHadEnough) {
                    // ffprobe closes its input once it has read the streams
                }
            } else {
                p.getOutputStream().close();
            }
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
            p.waitFor(60, TimeUnit.SECONDS);
            return out.contains("audio");
        } finally {
            p.destroyForcibly();
        }
    }

    /** Segments and init files, then the renditions' playlists, then the master playlist. */
    private static void handOver(Path dir, Sink sink) throws IOException {
        List<Path> files;
        try (Stream<Path> all = Files.walk(dir)) {
            files = all.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().endsWith(".log"))
                    .sorted(Comparator.comparingInt((Path f) -> f.toString().endsWith("master.m3u8") ? 2
                            : f.toString().endsWith(".m3u8") ? 1 : 0)).toList();
        }
        for (Path f : files) {
            try (InputStream in = Files.newInputStream(f)) {
                sink.put(dir.relativize(f).toString().replace('\\', '/'), in, Files.size(f));
            }
        }
    }
}
