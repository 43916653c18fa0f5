package io.relaycast.application.recording;

import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.application.stream.LivestreamService;
import io.relaycast.application.stream.StreamSnapshot;
import io.relaycast.domain.model.shared.PageRequest;
import io.relaycast.domain.model.recording.UploadRejectedException;
import io.relaycast.domain.model.recording.UploadRejectedException.Reason;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Storage limits per recording and per broadcaster (all their streams). Checking and storing are
 * one step per broadcaster, so that parallel uploads cannot pass a limit together.
 */
@ApplicationScoped
public class StorageQuota {

    /** The write a quota check guards; returns the bytes it actually stored. */
    @FunctionalInterface
    public interface Write {
        long run() throws IOException;
    }

    @Inject
    MediaStorage storage;

    @Inject
    LivestreamService streams;

    @Inject
    @ConfigProperty(name = "recordings.max-bytes", defaultValue = "4294967296")
    long maxRecordingBytes;

    @Inject
    @ConfigProperty(name = "recordings.max-bytes-per-user", defaultValue = "21474836480")
    long maxUserBytes;

    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    /** Bytes stored for each broadcaster, counted from storage on first use and kept up to date here. */
    private final Map<String, Long> usage = new ConcurrentHashMap<>();

    /** Stores unless a limit would be passed; returns what the write stored. */
    public long store(String owner, StreamId streamId, long bytes, Write write) throws IOException {
        synchronized (locks.computeIfAbsent(owner, k -> new Object())) {
            if (storage.totalChunkBytes(streamId) + bytes > maxRecordingBytes) {
                throw new UploadRejectedException(Reason.TOO_LARGE,
                        "The recording would exceed " + maxRecordingBytes + " bytes.");
            }
            long used = usage.containsKey(owner) ? usage.get(owner) : measure(owner);
            if (used + bytes > maxUserBytes) {
                throw new UploadRejectedException(Reason.TOO_LARGE, "Your recordings would exceed your storage quota of "
                        + maxUserBytes + " bytes; delete old recordings or ask an operator.");
            }
            long stored = write.run();
            usage.put(owner, used + stored);
            return stored;
        }
    }

    /** Storage changed outside {@link #store} (a recording built, chunks dropped): count again next time. */
    public void recount(String owner) {
        usage.remove(owner);
    }

    private long measure(String owner) throws IOException {
        long total = 0;
        for (int offset = 0; ; offset += PageRequest.MAX_LIMIT) {
            List<StreamSnapshot> page = streams.byOwner(owner, new PageRequest(PageRequest.MAX_LIMIT, offset));
            for (StreamSnapshot s : page) {
                total += storage.storedBytes(s.stream().getId());
            }
            if (page.size() < PageRequest.MAX_LIMIT) {
                return total;
            }
        }
    }
}
