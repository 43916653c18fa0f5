package io.relaycast.application.recording;

import io.relaycast.domain.model.stream.StreamId;
import java.io.InputStream;
import java.util.Optional;

/** Recordings uploaded by the broadcaster's browser while live, and stream thumbnails. */
public interface RecordingService {

    /** Result of a chunk upload; {@code duplicate} when that sequence number was already stored. */
    record ChunkReceipt(int seq, long size, boolean duplicate, long totalBytes) {
    }

    /** The highest segment number a recording may have. */
    int MAX_SEGMENT = 999;

    /** The highest chunk number of a segment (11 days of 1-second chunks). */
    int MAX_CHUNK = 999_999;

    /**
     * Opens the next segment of the stream's recording and returns its number (0 for the first).
     * A broadcaster page starts one per MediaRecorder session, so a page reloaded mid-stream goes on
     * recording after what was already uploaded. Owner only, live streams with recording enabled only.
     */
    int openSegment(StreamId streamId, String callerId);

    /**
     * Stores chunk {@code seq} (0, 1, 2, …) of a segment of the stream's recording. Owner only, live
     * streams with recording enabled only. Idempotent: a retry of a stored chunk changes nothing.
     */
    ChunkReceipt appendChunk(StreamId streamId, String callerId, int segment, int seq, InputStream body);

    /**
     * Joins each segment's chunks, remuxes them into one seekable file (segments one after the
     * other) and publishes its URL on the stream.
     */
    void finalizeRecording(StreamId streamId);

    /** The finished recording file, if there is one. */
    Optional<MediaFile> recording(StreamId streamId);

    /** Stores a JPEG frame as the stream's thumbnail (owner only). */
    void putThumbnail(StreamId streamId, String callerId, InputStream body);

    Optional<MediaFile> thumbnail(StreamId streamId);
}
