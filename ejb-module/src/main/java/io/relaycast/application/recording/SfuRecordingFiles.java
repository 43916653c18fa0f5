package io.relaycast.application.recording;

import io.relaycast.domain.model.stream.StreamId;
import java.io.IOException;
import java.util.List;

/**
 * What the SFU writes while it records a stream (Janus: a file per medium and publication) and how
 * it becomes the parts of one VOD. The SFU writes into a directory this server can read (the same
 * host, or a shared volume); the tools that read it run here.
 */
public interface SfuRecordingFiles {

    /** One publication of the stream (a broadcaster's session), as a WebM part, and when it began. */
    record Part(ScratchFile file, long startMillis) {
    }

    /** Whether this server records through the SFU: a recordings directory and the tools to read it. */
    boolean available();

    /** Where the SFU writes the stream's recording (created on the way), as a path the SFU understands. */
    String directory(StreamId streamId) throws IOException;

    /** Whether the SFU wrote anything for the stream. */
    boolean hasFiles(StreamId streamId);

    /**
     * Each recorded publication, oldest first, audio and video in step, as a WebM part in the
     * stream's scratch space; a publication that cannot be read is left out (and logged).
     */
    List<Part> parts(StreamId streamId, MediaStorage storage) throws IOException, InterruptedException;

    /** Drops the SFU's files once the VOD holds them. */
    void delete(StreamId streamId);
}
