package io.relaycast.application.recording;

import io.relaycast.domain.model.stream.StreamId;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * Where recordings and thumbnails live: local files now, object storage later (the interface is
 * the seam). A recording is one or more segments (one per MediaRecorder session of the
 * broadcaster's page); chunks are kept by segment and sequence number, which makes uploads idempotent.
 * No file-system type crosses this interface, so that object storage can implement it.
 */
public interface MediaStorage {

    /** Writes the chunk unless it exists; returns false if it already existed. */
    boolean putChunk(StreamId streamId, int segment, int seq, byte[] data) throws IOException;

    long chunkSize(StreamId streamId, int segment, int seq) throws IOException;

    /** Segments with at least one stored chunk, ascending. */
    List<Integer> segments(StreamId streamId) throws IOException;

    /** Stored chunk numbers of a segment, ascending. */
    List<Integer> chunks(StreamId streamId, int segment) throws IOException;

    /** Bytes of every stored chunk of every segment (and of anything else kept with them). */
    long totalChunkBytes(StreamId streamId) throws IOException;

    /** Everything stored for the stream: chunks, recording, thumbnail. */
    long storedBytes(StreamId streamId) throws IOException;

    /** Drops the chunks once the recording is built from them. */
    void deleteChunks(StreamId streamId) throws IOException;

    InputStream openChunk(StreamId streamId, int segment, int seq) throws IOException;

    /** Makes a built recording the stream's recording (replacing any earlier one, atomically). */
    void publishRecording(StreamId streamId, ScratchFile built) throws IOException;

    Optional<MediaFile> existingRecording(StreamId streamId);

    /**
     * Stores one file of the recording's HLS rendition (a playlist, init or media segment) under its
     * name ({@code master.m3u8}, {@code v0/seg3.m4s}); written whole or not at all.
     */
    void putVodHls(StreamId streamId, String name, InputStream data, long size) throws IOException;

    Optional<MediaFile> vodHls(StreamId streamId, String name);

    void putThumbnail(StreamId streamId, byte[] jpeg) throws IOException;

    Optional<MediaFile> thumbnail(StreamId streamId);

    /** A scratch file for building the stream's recording; the caller discards it. */
    ScratchFile scratchFile(StreamId streamId, String name) throws IOException;
}
