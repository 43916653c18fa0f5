package io.relaycast.application.recording;

import io.relaycast.application.stream.LivestreamService;
import io.relaycast.domain.model.shared.DomainException;
import io.relaycast.domain.model.stream.DeliveryMode;
import io.relaycast.domain.model.stream.Livestream;
import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.domain.model.stream.StreamStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Which streams the server records (through the SFU) rather than the broadcaster's browser: every
 * SFU stream with recording on, when the server has a recordings directory (SFU_RECORDINGS_DIR).
 * Such a recording survives a crashed tab and covers encoders; P2P and relay streams keep the
 * browser's recording.
 */
@ApplicationScoped
public class ServerRecording {

    private static final Logger LOG = Logger.getLogger(ServerRecording.class.getName());

    @Inject
    SfuRecordingFiles files;

    @Inject
    LivestreamService streams;

    public boolean records(Livestream stream) {
        return files.available() && stream.isRecordingEnabled() && stream.getDelivery() == DeliveryMode.SFU;
    }

    /**
     * How the SFU records a stream's room: where it writes (empty: it does not record it), and
     * whether the stream is on air already (recording runs only then: not the pre-show).
     */
    public record Plan(Optional<String> directory, boolean onAir) {
        static final Plan NONE = new Plan(Optional.empty(), false);
    }

    public Plan planFor(StreamId streamId) {
        try {
            Livestream stream = streams.find(streamId).stream();
            if (!records(stream)) {
                return Plan.NONE;
            }
            return new Plan(Optional.of(files.directory(streamId)), stream.getStatus() == StreamStatus.LIVE);
        } catch (IOException | DomainException e) {
            LOG.warning(() -> "No recording for " + streamId + ": " + e.getMessage());
            return Plan.NONE;
        }
    }
}
