package io.relaycast.infrastructure.storage;

import io.relaycast.application.MediaStorage;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Files under {@code media.dir} (default {@code media}, relative to the server's output directory):
 * {@code <streamId>/chunks/000042.part}, {@code <streamId>/recording.webm}, {@code <streamId>/thumbnail.jpg}.
 */
@ApplicationScoped
public class LocalMediaStorage implements MediaStorage {

    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    @Inject
    @ConfigProperty(name = "media.dir", defaultValue = "media")
    String configuredDir;

    private Path root;

    @PostConstruct
    void init() {
        root = Path.of(configuredDir).toAbsolutePath().normalize();
    }

    private Path dir(String streamId) {
        // Stream ids are UUIDs; anything else must never become a path.
        if (streamId == null || !SAFE_ID.matcher(streamId).matches()) {
            throw new IllegalArgumentException("unsafe stream id");
        }
        return root.resolve(streamId);
    }

    @Override
    public Path chunkPath(String streamId, int seq) {
        return dir(streamId).resolve("chunks").resolve(String.format("%06d.part", seq));
    }

    @Override
    public boolean putChunk(String streamId, int seq, byte[] data) throws IOException {
        Path target = chunkPath(streamId, seq);
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
    public long chunkSize(String streamId, int seq) throws IOException {
        return Files.size(chunkPath(streamId, seq));
    }

    @Override
    public List<Integer> chunks(String streamId) throws IOException {
        Path chunks = dir(streamId).resolve("chunks");
        if (!Files.isDirectory(chunks)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(chunks)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("\\d{6}\\.part"))
                    .map(n -> Integer.parseInt(n.substring(0, 6)))
                    .sorted()
                    .toList();
        }
    }

    @Override
    public long totalChunkBytes(String streamId) throws IOException {
        long total = 0;
        for (int seq : chunks(streamId)) {
            total += chunkSize(streamId, seq);
        }
        return total;
    }

    @Override
    public Path recordingPath(String streamId) {
        return dir(streamId).resolve("recording.webm");
    }

    @Override
    public Optional<Path> existingRecording(String streamId) {
        Path p = recordingPath(streamId);
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    @Override
    public void putThumbnail(String streamId, byte[] jpeg) throws IOException {
        Path target = dir(streamId).resolve("thumbnail.jpg");
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), "thumb", ".tmp");
        Files.write(tmp, jpeg);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public Optional<Path> thumbnail(String streamId) {
        Path p = dir(streamId).resolve("thumbnail.jpg");
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    @Override
    public Path workFile(String streamId, String name) throws IOException {
        Path d = Files.createDirectories(dir(streamId));
        return d.resolve(name);
    }
}
