package io.relaycast.application.recording;

import io.relaycast.application.stream.LivestreamService;
import io.relaycast.domain.model.stream.StreamId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.logging.Logger;

/**
 * Builds a stream's VOD after the end, from what the SFU recorded on the server (each publication
 * a part, placed at the time it began) or else from the chunks the broadcaster's browser uploaded
 * (each MediaRecorder session a part, one after the other); publishes it, or says that it failed;
 * then encodes it as HLS too ({@link VodRendition}).
 */
@ApplicationScoped
public class VodBuilder {

    private static final Logger LOG = Logger.getLogger(VodBuilder.class.getName());

    @Inject
    LivestreamService streams;

    @Inject
    MediaStorage storage;

    @Inject
    Remuxer remuxer;

    @Inject
    StorageQuota quota;

    @Inject
    SfuRecordingFiles sfu;

    @Inject
    VodRendition rendition;

    /** Builds one at a time per core at most: a re-encode takes a core, and the server serves meanwhile. */
    private final Semaphore builders = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors() / 2));

    public void build(StreamId streamId) {
        if (!streams.find(streamId).stream().isRecordingEnabled()) {
            discardSources(streamId, true); // turned off before it went live: nothing to keep
            return;
        }
        boolean fromSfu = sfu.hasFiles(streamId);
        List<ScratchFile> scratch = new ArrayList<>();
        boolean published = false;
        try {
            builders.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // stopping: the recording stays "processing" (see the docs)
            return;
        }
        try {
            ScratchFile result = fromSfu ? fromSfu(streamId, scratch) : fromChunks(streamId, scratch);
            if (result == null) { // recording was on (see above)
                LOG.warning(() -> "Recording of " + streamId + " failed: nothing usable was recorded");
                streams.recordingFailed(streamId);
                return;
            }
            storage.publishRecording(streamId, result);
            streams.attachRecording(streamId, "/api/livestream/" + streamId + "/recording");
            LOG.info(() -> "Recording of " + streamId + " ready (" + (fromSfu ? "recorded by the SFU" : "uploaded") + ")");
            discardSources(streamId, fromSfu); // the recording holds them now
            quota.recount(streams.find(streamId).stream().getUserId());
            published = true;
        } catch (IOException | RuntimeException e) {
            streams.recordingFailed(streamId);
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // stopping: the recording stays "processing" (see the docs)
            return;
        } finally {
            scratch.forEach(ScratchFile::discard);
            builders.release();
        }
        if (published) { // then HLS for streaming players, one at a time, not holding up other streams' VODs
            rendition.encode(streamId);
        }
    }

    /** What the VOD was built from; left behind (and logged) if that fails: the VOD is there. */
    private void discardSources(StreamId streamId, boolean fromSfu) {
        try {
            if (fromSfu) {
                sfu.delete(streamId);
            } else {
                storage.deleteChunks(streamId);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warning(() -> "Recording of " + streamId + ": its sources could not be deleted: " + e.getMessage());
        }
    }

    /** The SFU's publications, each at the time it began: a reconnect's gap stays in the VOD's clock. */
    private ScratchFile fromSfu(StreamId streamId, List<ScratchFile> scratch) throws IOException, InterruptedException {
        List<SfuRecordingFiles.Part> parts = sfu.parts(streamId, storage);
        parts.forEach(p -> scratch.add(p.file()));
        if (parts.isEmpty()) {
            return null;
        }
        if (parts.size() == 1) {
            return parts.get(0).file();
        }
        ScratchFile joined = storage.scratchFile(streamId, "sfu-joined.webm");
        scratch.add(joined);
        if (remuxer.concatAt(parts.stream().map(SfuRecordingFiles.Part::file).toList(),
                parts.stream().map(SfuRecordingFiles.Part::startMillis).toList(), joined)) {
            return joined;
        }
        LOG.warning(() -> "Recording of " + streamId + ": publications could not be joined; keeping the first");
        return parts.get(0).file();
    }

    private ScratchFile fromChunks(StreamId streamId, List<ScratchFile> scratch) throws IOException, InterruptedException {
        List<ScratchFile> parts = new ArrayList<>();
        for (int segment : storage.segments(streamId)) {
            ScratchFile joined = storage.scratchFile(streamId, "joined-" + segment + ".webm");
            scratch.add(joined);
            if (joinSegment(streamId, segment, joined) == 0) {
                continue;
            }
            ScratchFile part = storage.scratchFile(streamId, "part-" + segment + ".webm");
            scratch.add(part);
            remuxer.remux(joined, part);
            parts.add(part);
        }
        if (parts.size() <= 1) {
            return parts.isEmpty() ? null : parts.get(0);
        }
        ScratchFile joinedParts = storage.scratchFile(streamId, "segments.webm");
        scratch.add(joinedParts);
        if (remuxer.concat(parts, joinedParts)) {
            return joinedParts;
        }
        LOG.warning(() -> "Recording of " + streamId + ": segments could not be joined; keeping the first of "
                + parts.size());
        return parts.get(0);
    }

    /** Writes a segment's chunks in order from 0 into {@code joined}; returns how many were used. */
    private int joinSegment(StreamId streamId, int segment, ScratchFile joined) throws IOException {
        Set<Integer> stored = new HashSet<>(storage.chunks(streamId, segment));
        int count = 0;
        try (OutputStream out = joined.create()) {
            // Chunks are only meaningful in order from 0: stop at the first gap.
            while (stored.contains(count)) {
                try (InputStream chunk = storage.openChunk(streamId, segment, count)) {
                    chunk.transferTo(out);
                }
                count++;
            }
        }
        int used = count;
        if (used < stored.size()) {
            LOG.warning(() -> "Recording of " + streamId + ", segment " + segment + ": chunk " + used
                    + " is missing; " + (stored.size() - used) + " later chunks dropped");
        }
        return used;
    }
}
