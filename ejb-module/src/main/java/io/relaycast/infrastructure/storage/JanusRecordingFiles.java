package io.relaycast.infrastructure.storage;

import static io.relaycast.application.json.JsonProviders.JSON;

import io.relaycast.application.recording.MediaStorage;
import io.relaycast.application.recording.ScratchFile;
import io.relaycast.application.recording.SfuRecordingFiles;
import io.relaycast.domain.model.stream.StreamId;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.LinkedHashMap;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Janus VideoRoom recordings: {@code videoroom-<room>-user-<id>-<µs>-<audio|video>-<index>.mjr}, one
 * pair per publication, in {@code <SFU_RECORDINGS_DIR>/<streamId>}. janus-pp-rec turns each into a
 * playable file; ffmpeg puts audio and video of a publication together, the later one delayed by
 * the difference of their first packets' wall-clock times (the header's {@code u}), VP8 copied and
 * H.264 (encoders) re-encoded to VP8 so that every part, and so the VOD, is one WebM.
 */
@ApplicationScoped
public class JanusRecordingFiles implements SfuRecordingFiles {

    private static final Logger LOG = Logger.getLogger(JanusRecordingFiles.class.getName());
    /** The publisher's part of the name, the recorder's creation (µs), the medium. */
    private static final Pattern FILE = Pattern.compile("(.+-user-.+)-(\\d+)-(audio|video)-\\d+\\.mjr");
    /** A bound for one tool run, not a budget: re-encoding an encoder's hour takes ~15 minutes here. */
    private static final Duration TOOL_TIMEOUT = Duration.ofHours(12);

    /** Where Janus writes (not under /var, /usr or /etc: Janus's protected folders); "off": no server recording. */
    @Inject
    @ConfigProperty(name = "sfu.recordings-dir", defaultValue = "sfu-recordings")
    String configuredDir;

    private Path root;

    @PostConstruct
    void init() {
        root = "off".equals(configuredDir) ? null : Path.of(configuredDir).toAbsolutePath().normalize();
        List<String> missing = Stream.of("janus-pp-rec", "ffmpeg").filter(t -> !ExternalTool.onPath(t)).toList();
        if (root != null && !missing.isEmpty()) {
            // without the tools the VOD could not be built: the browser records, as before
            LOG.warning(() -> "Recording through the SFU is off: " + missing + " not found on the PATH "
                    + "(apt-get install janus-tools ffmpeg); broadcasters' browsers record instead");
            root = null;
        }
    }

    @Override
    public boolean available() {
        return root != null;
    }

    @Override
    public String directory(StreamId streamId) throws IOException {
        return Files.createDirectories(dir(streamId)).toString();
    }

    private Path dir(StreamId streamId) {
        return root.resolve(streamId.asName());
    }

    @Override
    public boolean hasFiles(StreamId streamId) {
        return available() && !publications(streamId).isEmpty();
    }

    /**
     * The stream's files by publication, in the order they began. Janus names each file by the
     * publisher and the microsecond its recorder was made, so the audio and video of one publication
     * differ by a little; a publication is a publisher's files made within a second of each other
     * (the same publisher publishing again, after an SFU restart, comes later).
     */
    private Map<String, List<Path>> publications(StreamId streamId) {
        List<String> names;
        try (Stream<Path> list = Files.list(dir(streamId))) {
            names = list.map(f -> f.getFileName().toString()).toList();
        } catch (IOException noDirectory) {
            return Map.of();
        }
        Map<String, List<Path>> byPublication = new LinkedHashMap<>();
        group(names).forEach((k, v) -> byPublication.put(k, v.stream().map(dir(streamId)::resolve).toList()));
        return byPublication;
    }

    /** {@link #publications}' rule on file names: publication → its files, in the order they began. */
    static Map<String, List<String>> group(List<String> fileNames) {
        List<Matcher> files = new ArrayList<>(fileNames.stream().map(FILE::matcher).filter(Matcher::matches).toList());
        files.sort(Comparator.comparingLong(m -> Long.parseLong(m.group(2))));
        Map<String, List<String>> byPublication = new LinkedHashMap<>();
        String key = null;
        long began = 0;
        for (Matcher m : files) {
            long at = Long.parseLong(m.group(2));
            String kind = "-" + m.group(3) + "-";
            boolean same = key != null && key.startsWith(m.group(1) + "-") && at - began < 1_000_000
                    && byPublication.get(key).stream().noneMatch(f -> f.contains(kind));
            if (!same) {
                began = at;
                key = m.group(1) + "-" + at;
                byPublication.put(key, new ArrayList<>());
            }
            byPublication.get(key).add(m.group(0));
        }
        return byPublication;
    }

    @Override
    public List<Part> parts(StreamId streamId, MediaStorage storage) throws IOException, InterruptedException {
        awaitClosed(streamId);
        List<Part> parts = new ArrayList<>();
        int n = 0;
        for (Map.Entry<String, List<Path>> publication : publications(streamId).entrySet()) {
            ScratchFile out = storage.scratchFile(streamId, "sfu-part-" + n++ + ".webm");
            Optional<Long> start = mux(publication.getValue(), LocalFile.pathOf(out));
            if (start.isPresent()) {
                parts.add(new Part(out, start.get()));
            } else {
                out.discard();
                LOG.warning(() -> "Recording of " + streamId + ": publication " + publication.getKey() + " left out");
            }
        }
        return parts;
    }

    /**
     * The stream has just ended and Janus closes its recorders when the room goes, a moment later:
     * read once the files stopped growing (two readings a second apart agree), at most 15 s.
     */
    private void awaitClosed(StreamId streamId) throws InterruptedException {
        long last = -1;
        for (int i = 0; i < 15; i++) {
            long size = publications(streamId).values().stream().flatMap(List::stream).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException gone) {
                    return 0;
                }
            }).sum();
            if (size == last) {
                return;
            }
            last = size;
            Thread.sleep(1000);
        }
    }

    /** One publication's audio and video in one WebM; the wall-clock start (ms) of its first packet. */
    private Optional<Long> mux(List<Path> files, Path out) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-loglevel", "error", "-y"));
        List<Path> converted = new ArrayList<>();
        long first = Long.MAX_VALUE;
        boolean h264 = false;
        List<Long> starts = new ArrayList<>();
        try {
            for (Path mjr : files) {
                Optional<JsonObject> header = ExternalTool.run(List.of("janus-pp-rec", "-d", "0", "--json", mjr.toString()),
                        TOOL_TIMEOUT, out.getParent()).map(JanusRecordingFiles::json);
                if (header.isEmpty() || !header.get().containsKey("u")) {
                    continue;
                }
                String codec = header.get().getString("c", "");
                String ext = "opus".equals(codec) ? ".opus" : "vp8".equals(codec) ? ".webm" : "h264".equals(codec) ? ".mkv" : null;
                if (ext == null) {
                    LOG.warning(() -> "Recording: codec " + codec + " of " + mjr.getFileName() + " is not converted");
                    continue;
                }
                Path target = out.resolveSibling(mjr.getFileName() + ext);
                if (ExternalTool.run(List.of("janus-pp-rec", mjr.toString(), target.toString()), TOOL_TIMEOUT,
                        out.getParent()).isEmpty() || !Files.isRegularFile(target) || Files.size(target) == 0) {
                    continue;
                }
                converted.add(target);
                h264 |= "h264".equals(codec);
                long u = header.get().getJsonNumber("u").longValue() / 1000;
                starts.add(u);
                first = Math.min(first, u);
            }
            if (converted.isEmpty()) {
                return Optional.empty();
            }
            for (int i = 0; i < converted.size(); i++) {
                long delay = starts.get(i) - first;
                if (delay > 0) {
                    command.addAll(List.of("-itsoffset", String.valueOf(delay / 1000.0)));
                }
                command.addAll(List.of("-i", converted.get(i).toString()));
            }
            for (int i = 0; i < converted.size(); i++) {
                command.addAll(List.of("-map", String.valueOf(i)));
            }
            command.addAll(h264 ? List.of("-c:v", "libvpx", "-deadline", "realtime", "-cpu-used", "8", "-b:v", "2M",
                    "-c:a", "copy") : List.of("-c", "copy"));
            command.addAll(List.of("-f", "webm", out.toString()));
            boolean ok = ExternalTool.run(command, TOOL_TIMEOUT, out.getParent()).isPresent() && Files.size(out) > 0;
            return ok ? Optional.of(first) : Optional.empty();
        } finally {
            for (Path c : converted) {
                Files.deleteIfExists(c);
            }
        }
    }

    private static JsonObject json(String headerOutput) {
        int from = headerOutput.indexOf('{');
        int to = headerOutput.lastIndexOf('}');
        try (var reader = JSON.createReader(new StringReader(from < 0 || to < from ? "{}" : headerOutput.substring(from, to + 1)))) {
            return reader.readObject();
        } catch (RuntimeException notJson) {
            return JSON.createObjectBuilder().build();
        }
    }

    @Override
    public void delete(StreamId streamId) {
        publications(streamId).values().stream().flatMap(List::stream).forEach(f -> {
            try {
                Files.deleteIfExists(f);
            } catch (IOException e) {
                LOG.fine(() -> "could not delete " + f + ": " + e);
            }
        });
    }
}
