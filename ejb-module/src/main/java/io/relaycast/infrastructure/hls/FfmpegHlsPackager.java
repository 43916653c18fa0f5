package io.relaycast.infrastructure.hls;

import io.relaycast.application.delivery.sfu.RtpTarget;
import io.relaycast.application.hls.HlsPackager;
import io.relaycast.application.hls.Ladder;
import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.infrastructure.storage.ExternalTool;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Live HLS ladders made by ffmpeg under HLS_DIR/&lt;stream&gt;: the playlists and segments it writes
 * are served as they are; nothing else there (its SDP, its log) is ever a servable name.
 */
@ApplicationScoped
public class FfmpegHlsPackager implements HlsPackager {

    private static final Logger LOG = Logger.getLogger(FfmpegHlsPackager.class.getName());
    private static final Duration STALE = Duration.ofMinutes(10);
    /** The names ffmpeg writes for a ladder (see LadderCommand), and only those. */
    private static final Pattern SERVABLE = Pattern.compile(
            "master\\.m3u8|v[01]/(index\\.m3u8|seg[0-9]{1,20}\\.m4s|init-[0-9]{1,20}_[01]\\.mp4)");

    @Inject
    @ConfigProperty(name = "hls.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "hls.dir", defaultValue = "hls")
    String configuredDir;

    /** Where Janus sends the RTP: this server's address as Janus reaches it. */
    @Inject
    @ConfigProperty(name = "hls.rtp-host", defaultValue = "127.0.0.1")
    String rtpHost;

    private Path root;

    @PostConstruct
    void init() {
        if (!enabled) {
            LOG.info("Live HLS is off (HLS_ENABLED=false)");
        } else if (!ExternalTool.onPath("ffmpeg")) {
            LOG.warning("Live HLS is off: ffmpeg not found on the PATH (apt-get install ffmpeg)");
        } else {
            root = Path.of(configuredDir).toAbsolutePath().normalize();
            removeStale();
        }
    }

    /**
     * Ladders of streams that ended while no server ran (a crash, a restart mid-stream) are left
     * behind: removed at start when untouched for 10 minutes — a live ladder, also another
     * server's in a shared folder, writes every 2 seconds.
     */
    private void removeStale() {
        long before = System.currentTimeMillis() - STALE.toMillis();
        try (Stream<Path> dirs = Files.isDirectory(root) ? Files.list(root) : Stream.empty()) {
            for (Path d : dirs.filter(Files::isDirectory).toList()) {
                try (Stream<Path> files = Files.walk(d)) {
                    if (files.allMatch(f -> f.toFile().lastModified() < before)) {
                        delete(d);
                    }
                }
            }
        } catch (IOException e) {
            LOG.warning(() -> "Old HLS files in " + root + " not removed: " + e.getMessage());
        }
    }

    @Override
    public boolean available() {
        return root != null;
    }

    @Override
    public boolean packages(String videoCodec) {
        return LadderCommand.supports(videoCodec);
    }

    @Override
    public Ladder start(StreamId stream, String videoCodec) throws IOException {
        if (!LadderCommand.supports(videoCodec)) {
            throw new IOException("its video codec (" + videoCodec + ") is not packaged");
        }
        Path dir = dir(stream);
        Files.createDirectories(dir.resolve("v0"));
        Files.createDirectories(dir.resolve("v1"));
        int audio = UdpPorts.freePair();
        int video = UdpPorts.freePairOtherThan(audio);
        RtpTarget target = new RtpTarget(rtpHost, audio, video, LadderCommand.AUDIO_PT, LadderCommand.VIDEO_PT);
        Path sdp = Files.writeString(dir.resolve("publication.sdp"), LadderCommand.sdp(target, videoCodec));
        Process process = new ProcessBuilder(LadderCommand.command(sdp, dir, System.currentTimeMillis()))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("ffmpeg.log").toFile()))
                .start();
        return new FfmpegLadder(process, target);
    }

    @Override
    public Optional<Path> file(StreamId stream, String name) {
        if (root == null || name == null || !SERVABLE.matcher(name).matches()) {
            return Optional.empty();
        }
        Path file = dir(stream).resolve(name);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    @Override
    public void discard(StreamId stream) {
        if (root == null || !Files.isDirectory(dir(stream))) {
            return;
        }
        try {
            delete(dir(stream));
        } catch (IOException e) {
            LOG.warning(() -> "HLS files of " + stream + " not removed: " + e.getMessage());
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Where a recording's HLS encode is made before it is stored (under HLS_DIR; removed with stale ladders). */
    Path scratchDir() {
        return root.resolve("vod-scratch");
    }

    private Path dir(StreamId stream) {
        return root.resolve(stream.asName());
    }
}
