package io.relaycast.application.recording;

import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.application.stream.LivestreamService;
import io.relaycast.domain.model.shared.InvalidInputException;
import io.relaycast.domain.model.stream.Livestream;
import io.relaycast.domain.model.recording.MediaTypeSniffer;
import io.relaycast.domain.model.stream.StreamStateException;
import io.relaycast.domain.model.stream.StreamStatus;
import io.relaycast.domain.model.recording.UploadRejectedException;
import io.relaycast.domain.model.recording.UploadRejectedException.Reason;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
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
    @ConfigProperty(name = "recordings.max-chunk-bytes", defaultValue = "16777216")
    long maxChunkBytes;

    @Inject
    StorageQuota quota;

    @Inject
    VodBuilder vod;

    @Inject
    ServerRecording serverRecording;

    @Inject
    @ConfigProperty(name = "thumbnails.max-bytes", defaultValue = "524288")
    long maxThumbnailBytes;

    @Override
    public int openSegment(StreamId streamId, String callerId) {
        requireRecordingOwner(streamId, callerId);
        try {
            List<Integer> segments = storage.segments(streamId);
            int next = segments.isEmpty() ? 0 : segments.get(segments.size() - 1) + 1;
            if (next > MAX_SEGMENT) {
                throw new UploadRejectedException(Reason.TOO_LARGE,
                        "A recording may have at most " + (MAX_SEGMENT + 1) + " segments.");
            }
            return next;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public ChunkReceipt appendChunk(StreamId streamId, String callerId, int segment, int seq, InputStream body) {
        requireRecordingOwner(streamId, callerId);
        if (segment < 0 || segment > MAX_SEGMENT) {
            throw new InvalidInputException("Segment numbers go from 0 to " + MAX_SEGMENT + " (was " + segment + ").");
        }
        if (seq < 0 || seq > MAX_CHUNK) {
            throw new InvalidInputException("Chunk numbers go from 0 to " + MAX_CHUNK + " (was " + seq + ").");
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
            if (storage.chunks(streamId, segment).contains(seq)) { // a retry: nothing new to count
                return new ChunkReceipt(seq, storage.chunkSize(streamId, segment, seq), true,
                        storage.totalChunkBytes(streamId));
            }
            boolean stored = quota.store(callerId, streamId, data.length,
                    () -> storage.putChunk(streamId, segment, seq, data) ? data.length : 0) > 0;
            long size = stored ? data.length : storage.chunkSize(streamId, segment, seq);
            return new ChunkReceipt(seq, size, !stored, storage.totalChunkBytes(streamId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void requireRecordingOwner(StreamId streamId, String callerId) {
        Livestream stream = streams.find(streamId).stream();
        stream.requireOwner(callerId);
        if (!stream.isRecordingEnabled()) {
            throw new StreamStateException("Recording is turned off for this stream.", stream.getStatus());
        }
        if (serverRecording.records(stream)) {
            throw new StreamStateException("This stream is recorded on the server; the page uploads nothing.",
                    stream.getStatus());
        }
        if (stream.getStatus() != StreamStatus.LIVE) {
            throw new StreamStateException("Recording chunks are accepted only while the stream is live.",
                    stream.getStatus());
        }
    }

    @Override
    public void finalizeRecording(StreamId streamId) {
        vod.build(streamId);
    }

    @Override
    public Optional<MediaFile> recording(StreamId streamId) {
        streams.find(streamId);
        return storage.existingRecording(streamId);
    }

    @Override
    public void putThumbnail(StreamId streamId, String callerId, InputStream body) {
        Livestream stream = streams.find(streamId).stream();
        stream.requireOwner(callerId);
        if (stream.getStatus().isOver()) {
            throw new StreamStateException("The stream is " + stream.getStatus().wireName() + ".", stream.getStatus());
        }
        byte[] jpeg = readLimited(body, maxThumbnailBytes, "A thumbnail");
        if (!MediaTypeSniffer.isJpeg(jpeg)) {
            throw new UploadRejectedException(Reason.UNSUPPORTED_TYPE, "A thumbnail must be a JPEG image.");
        }
        try {
            // counts toward the owner's storage quota; a replaced thumbnail is counted again from storage
            quota.store(callerId, streamId, jpeg.length, () -> {
                storage.putThumbnail(streamId, jpeg);
                return jpeg.length;
            });
            quota.recount(callerId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (stream.getThumbnailUrl() == null) {
            streams.changeThumbnail(streamId, "/api/livestream/" + streamId + "/thumbnail");
        }
    }

    @Override
    public Optional<MediaFile> thumbnail(StreamId streamId) {
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
