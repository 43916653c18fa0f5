package io.relaycast.application;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where recordings and thumbnails live: local files now, object storage later (the interface is
 * the seam). A recording is one or more segments (one per MediaRecorder session of the
 * broadcaster's page); chunks are kept by segment and sequence number, which makes uploads idempotent.
 */
public interface MediaStorage {

    /** Writes the chunk unless it exists; returns false if it already existed. */
    boolean putChunk(String streamId, int segment, int seq, byte[] data) throws IOException;

    long chunkSize(String streamId, int segment, int seq) throws IOException;

    /** Segments with at least one stored chunk, ascending. */
    List<Integer> segments(String streamId) throws IOException;

    /** Stored chunk numbers of a segment, ascending. */
    List<Integer> chunks(String streamId, int segment) throws IOException;

    /** Bytes of every stored chunk of every segment. */
    long totalChunkBytes(String streamId) throws IOException;

    Path chunkPath(String streamId, int segment, int seq);

    /** Where the finished recording of a stream is (or will be) written. */
    Path recordingPath(String streamId);

    Optional<Path> existingRecording(String streamId);

    void putThumbnail(String streamId, byte[] jpeg) throws IOException;

    Optional<Path> thumbnail(String streamId);

    /** A scratch file next to the stream's media. */
    Path workFile(String streamId, String name) throws IOException;
}
