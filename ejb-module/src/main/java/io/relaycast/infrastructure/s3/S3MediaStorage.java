package io.relaycast.infrastructure.s3;

import io.relaycast.application.hls.HlsMediaTypes;
import io.relaycast.application.recording.MediaFile;
import io.relaycast.application.recording.MediaStorage;
import io.relaycast.application.recording.RecordingService;
import io.relaycast.application.recording.ScratchFile;
import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.infrastructure.storage.LocalFile;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Recordings, chunks and thumbnails as objects in an S3-compatible store, under the same names as
 * on disk: {@code <streamId>/chunks/<segment>/000042.part}, {@code <streamId>/recording.webm},
 * {@code <streamId>/thumbnail.jpg}. Scratch files stay on local disk (ffmpeg reads local files);
 * what is served is read from the store with HTTP ranges, through this server (so who may watch is
 * checked as for local files).
 */
@ApplicationScoped
@Typed(S3MediaStorage.class) // chosen by MediaStorageChoice
public class S3MediaStorage implements MediaStorage {

    @Inject
    @ConfigProperty(name = "storage.url")
    Optional<String> url;

    @Inject
    @ConfigProperty(name = "storage.access-key")
    Optional<String> accessKey;

    @Inject
    @ConfigProperty(name = "storage.secret-key")
    Optional<String> secretKey;

    /** Scratch space for building recordings (local disk). */
    @Inject
    @ConfigProperty(name = "media.dir", defaultValue = "media")
    String scratchDir;

    private S3Objects objects;
    private Path scratch;

    @PostConstruct
    void init() {
        objects = new S3Objects(S3Location.parse(url.orElseThrow()), accessKey, secretKey);
        scratch = Path.of(scratchDir).toAbsolutePath().normalize().resolve("scratch");
    }

    @PreDestroy
    void close() {
        objects.close();
    }

    private static String dir(StreamId streamId) {
        if (streamId == null) {
            throw new IllegalArgumentException("no stream id");
        }
        return streamId.asName() + "/";
    }

    private static String chunk(StreamId streamId, int segment, int seq) {
        if (segment < 0 || segment > RecordingService.MAX_SEGMENT || seq < 0 || seq > RecordingService.MAX_CHUNK) {
            throw new IllegalArgumentException("chunk number out of range");
        }
        return dir(streamId) + "chunks/" + segment + "/" + String.format("%06d.part", seq);
    }

    @Override
    public boolean putChunk(StreamId streamId, int segment, int seq, byte[] data) throws IOException {
        String key = chunk(streamId, segment, seq);
        if (objects.size(key).isPresent()) {
            return false; // a retry: the chunk is there (the same bytes, as numbered uploads are)
        }
        objects.put(key, RequestBody.fromBytes(data), "application/octet-stream");
        return true;
    }

    @Override
    public long chunkSize(StreamId streamId, int segment, int seq) throws IOException {
        return objects.size(chunk(streamId, segment, seq)).orElseThrow(() -> new IOException("no such chunk"));
    }

    @Override
    public List<Integer> segments(StreamId streamId) throws IOException {
        return numbers(objects.list(dir(streamId) + "chunks/").map(o -> o.key()), "chunks/(\\d{1,6})/\\d{6}\\.part");
    }

    @Override
    public List<Integer> chunks(StreamId streamId, int segment) throws IOException {
        return numbers(objects.list(dir(streamId) + "chunks/" + segment + "/").map(o -> o.key()), "/(\\d{6})\\.part");
    }

    /** The numbers the pattern's group finds at the end of the keys, distinct and ascending. */
    private static List<Integer> numbers(Stream<String> keys, String pattern) {
        Pattern p = Pattern.compile(pattern + "$");
        return keys.map(p::matcher).filter(java.util.regex.Matcher::find).map(m -> Integer.parseInt(m.group(1)))
                .distinct().sorted().toList();
    }

    @Override
    public long totalChunkBytes(StreamId streamId) throws IOException {
        return objects.list(dir(streamId) + "chunks/").mapToLong(S3Object::size).sum();
    }

    @Override
    public long storedBytes(StreamId streamId) throws IOException {
        return objects.list(dir(streamId)).mapToLong(S3Object::size).sum();
    }

    @Override
    public void deleteChunks(StreamId streamId) throws IOException {
        objects.deleteAll(objects.list(dir(streamId) + "chunks/").map(S3Object::key).toList());
    }

    @Override
    public InputStream openChunk(StreamId streamId, int segment, int seq) throws IOException {
        return objects.openAt(chunk(streamId, segment, seq), 0);
    }

    @Override
    public void publishRecording(StreamId streamId, ScratchFile built) throws IOException {
        Path file = LocalFile.pathOf(built);
        objects.put(dir(streamId) + "recording.webm", RequestBody.fromFile(file), "video/webm");
        built.discard();
    }

    @Override
    public Optional<MediaFile> existingRecording(StreamId streamId) {
        return objects.file(dir(streamId) + "recording.webm");
    }

    @Override
    public void putVodHls(StreamId streamId, String name, InputStream data, long size) throws IOException {
        // a playlist or a 2-second segment (under a megabyte): in memory, so the SDK may send it again on a retry
        objects.put(dir(streamId) + "vod-hls/" + name, RequestBody.fromBytes(data.readAllBytes()),
                HlsMediaTypes.of(name));
    }

    @Override
    public Optional<MediaFile> vodHls(StreamId streamId, String name) {
        return objects.file(dir(streamId) + "vod-hls/" + name);
    }

    @Override
    public void putThumbnail(StreamId streamId, byte[] jpeg) throws IOException {
        objects.put(dir(streamId) + "thumbnail.jpg", RequestBody.fromBytes(jpeg), "image/jpeg");
    }

    @Override
    public Optional<MediaFile> thumbnail(StreamId streamId) {
        return objects.file(dir(streamId) + "thumbnail.jpg");
    }

    @Override
    public ScratchFile scratchFile(StreamId streamId, String name) throws IOException {
        Path d = Files.createDirectories(scratch.resolve(dir(streamId)));
        return new LocalFile(d.resolve(name));
    }
}
