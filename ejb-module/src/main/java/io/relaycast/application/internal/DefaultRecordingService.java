package io.relaycast.application.internal;

import io.relaycast.application.LivestreamService;
import io.relaycast.application.MediaStorage;
import io.relaycast.application.RecordingService;
import io.relaycast.domain.model.InvalidInputException;
import io.relaycast.domain.model.Livestream;
import io.relaycast.domain.model.MediaTypeSniffer;
import io.relaycast.domain.model.StreamStateException;
import io.relaycast.domain.model.StreamStatus;
import io.relaycast.domain.model.UploadRejectedException;
import io.relaycast.domain.model.UploadRejectedException.Reason;
import io.relaycast.infrastructure.storage.FfmpegRemuxer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

@ApplicationScoped
public class DefaultRecordingService implements RecordingService {

    private static final Logger LOG = Logger.getLogger(DefaultRecordingService.class.getName());

    @Inject
    LivestreamService streams;

    @Inject
    MediaStorage storage;

    @Inject
    FfmpegRemuxer remuxer;

    @Inject
    @ConfigProperty(name = "recordings.max-chunk-bytes", defaultValue = "16777216")
    long maxChunkBytes;

    @Inject
    @ConfigProperty(name = "recordings.max-bytes", defaultValue = "4294967296")
    long maxRecordingBytes;

    @Inject
    @ConfigProperty(name = "thumbnails.max-bytes", defaultValue = "524288")
    long maxThumbnailBytes;

    @Override
    public ChunkReceipt appendChunk(String streamId, String callerId, int seq, InputStream body) {
        Livestream stream = streams.find(streamId).stream();
        stream.requireOwner(callerId);
        if (!stream.isRecordingEnabled()) {
            throw new StreamStateException("Recording is turned off for this stream.", stream.getStatus());
        }
        if (stream.getStatus() != StreamStatus.LIVE) {
            throw new StreamStateException("Recording chunks are accepted only while the stream is live.",
                    stream.getStatus());
        }
        if (seq < 0 || seq > 10_000_000) {
            throw new InvalidInputException("Chunk numbers start at 0 (was " + seq + ").");
        }
        byte[] data = readLimited(body, maxChunkBytes, "A recording chunk");
        if (data.length == 0) {
            throw new InvalidInputException("The chunk is empty.");
        }
        if (seq == 0 && MediaTypeSniffer.video(data).isEmpty()) {
            throw new UploadRejectedException(Reason.UNSUPPORTED_TYPE,
                    "A recording must be WebM or MP4; chunk 0 does not start like either.");
        }
        try {
            if (storage.totalChunkBytes(streamId) + data.length > maxRecordingBytes) {
                throw new UploadRejectedException(Reason.TOO_LARGE,
                        "The recording would exceed " + maxRecordingBytes + " bytes.");
            }
            boolean stored = storage.putChunk(streamId, seq, data);
            long size = stored ? data.length : storage.chunkSize(streamId, seq);
            return new ChunkReceipt(seq, size, !stored, storage.totalChunkBytes(streamId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void finalizeRecording(String streamId) {
        try {
            Set<Integer> stored = new HashSet<>(storage.chunks(streamId));
            if (stored.isEmpty()) {
                return;
            }
            Path joined = storage.workFile(streamId, "joined.webm");
            int count = 0;
            try (OutputStream out = Files.newOutputStream(joined)) {
                // Chunks are only meaningful in order from 0: stop at the first gap.
                while (stored.contains(count)) {
                    Files.copy(storage.chunkPath(streamId, count), out);
                    count++;
                }
            }
            int used = count;
            if (used < stored.size()) {
                LOG.warning(() -> "Recording of " + streamId + ": chunk " + used + " is missing; "
                        + (stored.size() - used) + " later chunks dropped");
            }
            if (used == 0) {
                Files.deleteIfExists(joined);
                return;
            }
            Path remuxed = storage.workFile(streamId, "remuxed.webm");
            boolean seekable = remuxer.remux(joined, remuxed);
            Files.move(remuxed, storage.recordingPath(streamId), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            Files.deleteIfExists(joined);
            streams.attachRecording(streamId, "/api/livestream/" + streamId + "/recording");
            LOG.info(() -> "Recording of " + streamId + " ready: " + used + " chunks"
                    + (seekable ? ", remuxed" : ", not remuxed"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public Optional<Path> recording(String streamId) {
        streams.find(streamId);
        return storage.existingRecording(streamId);
    }

    @Override
    public void putThumbnail(String streamId, String callerId, InputStream body) {
        Livestream stream = streams.find(streamId).stream();
        stream.requireOwner(callerId);
        if (stream.getStatus() == StreamStatus.ENDED) {
            throw new StreamStateException("The stream has ended.", stream.getStatus());
        }
        byte[] jpeg = readLimited(body, maxThumbnailBytes, "A thumbnail");
        if (!MediaTypeSniffer.isJpeg(jpeg)) {
            throw new UploadRejectedException(Reason.UNSUPPORTED_TYPE, "A thumbnail must be a JPEG image.");
        }
        try {
            storage.putThumbnail(streamId, jpeg);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (stream.getThumbnailUrl() == null) {
            streams.changeThumbnail(streamId, "/api/livestream/" + streamId + "/thumbnail");
        }
    }

    @Override
    public Optional<Path> thumbnail(String streamId) {
        streams.find(streamId);
        return storage.thumbnail(streamId);
    }

    private static byte[] readLimited(InputStream body, long limit, String what) {
        if (body == null) {
            return new byte[0];
        }
        try {
            byte[] data = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (data.length > limit) {
                throw new UploadRejectedException(Reason.TOO_LARGE, what + " may be at most " + limit + " bytes.");
            }
            return data;
        } catch (IOException e) {
            throw new InvalidInputException("The upload could not be read: " + e.getMessage());
        }
    }
}
