package io.relaycast.infrastructure.storage;

import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.application.recording.MediaFile;
import io.relaycast.application.recording.MediaStorage;
import io.relaycast.application.recording.RecordingService;
import io.relaycast.application.recording.ScratchFile;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Files under {@code media.dir} (default {@code media}, relative to the server's output directory):
 * {@code <streamId>/chunks/<segment>/000042.part}, {@code <streamId>/recording.webm},
 * {@code <streamId>/thumbnail.jpg}.
 */
@ApplicationScoped
@Typed(LocalMediaStorage.class) // chosen by MediaStorageChoice
public class LocalMediaStorage implements MediaStorage {

    @Inject
    @ConfigProperty(name = "media.dir", defaultValue = "media")
    String configuredDir;

    private Path root;

    @PostConstruct
    void init() {
        root = Path.of(configuredDir).toAbsolutePath().normalize();
    }

    private Path dir(StreamId streamId) {
        if (streamId == null) {
            throw new IllegalArgumentException("no stream id");
        }
        return root.resolve(streamId.asName());
    }

    Path chunkPath(StreamId streamId, int segment, int seq) {
        if (segment < 0 || segment > RecordingService.MAX_SEGMENT || seq < 0 || seq > RecordingService.MAX_CHUNK) {
            throw new IllegalArgumentException("chunk number out of range");
        }
        return segmentDir(streamId, segment).resolve(String.format("%06d.part", seq));
    }

    private Path segmentDir(StreamId streamId, int segment) {
        return dir(streamId).resolve("chunks").resolve(Integer.toString(segment));
    }

    @Override
    public boolean putChunk(StreamId streamId, int segment, int seq, byte[] data) throws IOException {
        Path target = chunkPath(streamId, segment, seq);
        if (Files.exists(target)) {
            return false;
        }
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), "upload", ".tmp");
        Files.write(tmp, data);
        try {
            // Atomic: a concurrent retry of the same chunk either wins or sees it complete.
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (FileAlreadyExistsException e) {
            Files.deleteIfExists(tmp);
            return false;
        }
    }

    @Override
    public long chunkSize(StreamId streamId, int segment, int seq) throws IOException {
        return Files.size(chunkPath(streamId, segment, seq));
    }

    @Override
    public List<Integer> segments(StreamId streamId) throws IOException {
        List<Integer> withChunks = new ArrayList<>();
        for (int segment : numbered(dir(streamId).resolve("chunks"), "\\d{1,6}", 0)) {
            if (!chunks(streamId, segment).isEmpty()) {
                withChunks.add(segment);
            }
        }
        return withChunks;
    }

    @Override
    public List<Integer> chunks(StreamId streamId, int segment) throws IOException {
        return numbered(segmentDir(streamId, segment), "\\d{6}\\.part", 6);
    }

    /** Numbers of the entries of a directory whose names match, from the first {@code digits} characters (0: all). */
    private static List<Integer> numbered(Path dir, String pattern, int digits) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.matches(pattern))
                    .map(n -> Integer.parseInt(digits == 0 ? n : n.substring(0, digits)))
                    .sorted()
                    .toList();
        }
    }

    /** Every byte under the chunks directory, whatever its name (half-written uploads too). */
    @Override
    public long totalChunkBytes(StreamId streamId) throws IOException {
        return bytesUnder(dir(streamId).resolve("chunks"));
    }

    @Override
    public long storedBytes(StreamId streamId) throws IOException {
        return bytesUnder(dir(streamId));
    }

    @Override
    public void deleteChunks(StreamId streamId) throws IOException {
        Path chunks = dir(streamId).resolve("chunks");
        if (!Files.isDirectory(chunks)) {
            return;
        }
        try (Stream<Path> all = Files.walk(chunks)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /**
     * Sizes as the walk reads them; a file that vanishes between the directory listing and its
     * attributes (an upload's temporary file renamed into place) is skipped, not an error.
     */
    private static long bytesUnder(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        long[] total = {0};
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile()) {
                    total[0] += attrs.size();
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
        return total[0];
    }

    @Override
    public InputStream openChunk(StreamId streamId, int segment, int seq) throws IOException {
        return Files.newInputStream(chunkPath(streamId, segment, seq));
    }

    Path recordingPath(StreamId streamId) {
        return dir(streamId).resolve("recording.webm");
    }

    @Override
    public void publishRecording(StreamId streamId, ScratchFile built) throws IOException {
        Files.move(LocalFile.pathOf(built), recordingPath(streamId), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public Optional<MediaFile> existingRecording(StreamId streamId) {
        return existing(recordingPath(streamId));
    }

    private static Optional<MediaFile> existing(Path p) {
        return Files.isRegularFile(p) ? Optional.of(new LocalFile(p)) : Optional.empty();
    }

    @Override
    public void putVodHls(StreamId streamId, String name, InputStream data, long size) throws IOException {
        Path target = dir(streamId).resolve("vod-hls").resolve(name).normalize();
        if (!target.startsWith(dir(streamId).resolve("vod-hls"))) {
            throw new IOException("not a name of the rendition: " + name);
        }
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), "hls", ".tmp");
        Files.copy(data, tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public Optional<MediaFile> vodHls(StreamId streamId, String name) {
        return existing(dir(streamId).resolve("vod-hls").resolve(name).normalize());
    }

    @Override
    public void putThumbnail(StreamId streamId, byte[] jpeg) throws IOException {
        Path target = dir(streamId).resolve("thumbnail.jpg");
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), "thumb", ".tmp");
        Files.write(tmp, jpeg);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public Optional<MediaFile> thumbnail(StreamId streamId) {
        return existing(dir(streamId).resolve("thumbnail.jpg"));
    }

    @Override
    public ScratchFile scratchFile(StreamId streamId, String name) throws IOException {
        Path d = Files.createDirectories(dir(streamId));
        return new LocalFile(d.resolve(name));
    }
}
