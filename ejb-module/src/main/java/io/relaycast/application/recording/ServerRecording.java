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

    /** Whether the stream is on air now (its SFU room records only then: not the pre-show). */
    public boolean onAir(StreamId streamId) {
        try {
            return streams.find(streamId).stream().getStatus() == StreamStatus.LIVE;
        } catch (DomainException e) {
            return false;
        }
    }

    /** Where the SFU writes this stream's recording; empty when it does not record it. */
    public Optional<String> directoryFor(StreamId streamId) {
        try {
            if (!records(streams.find(streamId).stream())) {
                return Optional.empty();
            }
            return Optional.of(files.directory(streamId));
        } catch (IOException | DomainException e) {
            LOG.warning(() -> "No recording for " + streamId + ": " + e.getMessage());
            return Optional.empty();
        }
    }
}
