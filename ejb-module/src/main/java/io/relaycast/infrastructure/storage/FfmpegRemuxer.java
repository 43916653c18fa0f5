package io.relaycast.infrastructure.storage;

import io.relaycast.application.recording.Remuxer;
import io.relaycast.application.recording.ScratchFile;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * Browser MediaRecorder WebM has no duration and no cues, so players cannot seek it. A stream copy
 * through ffmpeg ({@code -c copy}: no re-encoding) writes both. Without ffmpeg the joined file is
 * kept as it is (it plays, but does not seek well).
 */
@ApplicationScoped
public class FfmpegRemuxer implements Remuxer {

    private static final Logger LOG = Logger.getLogger(FfmpegRemuxer.class.getName());

    /** Remuxes {@code in} into {@code out}; returns false (and copies) when ffmpeg is unavailable or fails. */
    @Override
    public boolean remux(ScratchFile inFile, ScratchFile outFile) throws IOException, InterruptedException {
        Path in = LocalFile.pathOf(inFile);
        Path out = LocalFile.pathOf(outFile);
        if (ffmpeg(out, "remux", "-fflags", "+genpts", "-i", in.toString())) {
            return true;
        }
        LOG.warning("keeping the recording unremuxed");
        Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
        return false;
    }

    /**
     * Joins remuxed segments one after the other into {@code out} (stream copy, timestamps made
     * continuous); returns false when ffmpeg is unavailable or fails, writing nothing useful.
     */
    @Override
    public boolean concat(List<ScratchFile> partFiles, ScratchFile outFile) throws IOException, InterruptedException {
        return concatAt(partFiles, null, outFile);
    }

    /** The concat demuxer's {@code duration} per part (up to the next part's start) keeps the gaps. */
    @Override
    public boolean concatAt(List<ScratchFile> partFiles, List<Long> startMillis, ScratchFile outFile)
            throws IOException, InterruptedException {
        List<Path> parts = partFiles.stream().map(LocalFile::pathOf).toList();
        Path out = LocalFile.pathOf(outFile);
        Path list = Files.createTempFile(out.getParent(), "concat", ".txt");
        try {
            StringBuilder lines = new StringBuilder();
            for (int i = 0; i < parts.size(); i++) {
                lines.append("file '").append(parts.get(i).toAbsolutePath().toString().replace("'", "'\\''")).append("'\n");
                if (startMillis != null && i + 1 < parts.size()) {
                    lines.append("duration ").append((startMillis.get(i + 1) - startMillis.get(i)) / 1000.0).append('\n');
                }
            }
            Files.writeString(list, lines);
            return ffmpeg(out, "concat", "-f", "concat", "-safe", "0", "-i", list.toString());
        } finally {
            Files.deleteIfExists(list);
        }
    }

    /** Runs ffmpeg with these input options, stream-copying into a WebM {@code out}; true when it worked. */
    private static boolean ffmpeg(Path out, String what, String... input) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-loglevel", "error", "-y"));
        command.addAll(List.of(input));
        command.addAll(List.of("-c", "copy", "-f", "webm", out.toString()));
        return ExternalTool.run(command, Duration.ofMinutes(10), out.getParent()).isPresent() && Files.size(out) > 0;
    }
}
