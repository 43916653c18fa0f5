package io.relaycast.application.recording;

import io.relaycast.application.stream.LivestreamService;
import io.relaycast.domain.model.stream.StreamId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * The recording as HLS with the live ladder (two renditions, 2-second fMP4 segments), made after
 * the VOD is published (the WebM download stays, and is ready first) and stored beside it; the VOD
 * page streams it where it exists. Optional: a failure is logged, the WebM is the recording.
 */
@ApplicationScoped
public class VodRendition {

    private static final Logger LOG = Logger.getLogger(VodRendition.class.getName());
    /** The names the ladder writes, and only those are served. */
    private static final Pattern NAMES = Pattern.compile("master\\.m3u8|v[01]/(index\\.m3u8|seg[0-9]{1,9}\\.m4s|init_[01]\\.mp4)");

    @Inject
    VodLadder ladder;

    @Inject
    MediaStorage storage;

    @Inject
    StorageQuota quota;

    @Inject
    LivestreamService streams;

    /** One encode at a time: it takes a core for a good while (about half the recording's length here). */
    private final Semaphore encoders = new Semaphore(1);

    /** Encodes the stream's published recording; its files count toward the owner's storage. */
    void encode(StreamId stream) {
        Optional<MediaFile> recording = storage.existingRecording(stream);
        if (!ladder.available() || recording.isEmpty()) {
            return;
        }
        try {
            encoders.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // stopping: the WebM is the recording
            return;
        }
        long started = System.nanoTime();
        try {
            ladder.encode(recording.get(), (name, data, size) -> storage.putVodHls(stream, name, data, size));
            LOG.info(() -> "Recording of " + stream + " as HLS in " + (System.nanoTime() - started) / 1_000_000 + " ms");
            quota.recount(streams.find(stream).stream().getUserId());
        } catch (IOException | RuntimeException e) {
            LOG.warning(() -> "Recording of " + stream + ": no HLS rendition (the WebM stays): " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            encoders.release();
        }
    }

    /** A file of the recording's rendition, if that name is one and it exists. */
    public Optional<MediaFile> file(StreamId stream, String name) {
        return name != null && NAMES.matcher(name).matches() ? storage.vodHls(stream, name) : Optional.empty();
    }
}
