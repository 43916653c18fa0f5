package io.relaycast.application.recording;

import io.relaycast.application.events.StreamEnded;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/** When a stream has ended, its uploaded chunks become one seekable recording (in the background). */
@ApplicationScoped
public class RecordingFinalizer {

    private static final Logger LOG = Logger.getLogger(RecordingFinalizer.class.getName());

    @Inject
    RecordingService recordings;

    @Resource
    ManagedExecutorService executor;

    void ended(@Observes(during = TransactionPhase.AFTER_SUCCESS) StreamEnded e) {
        executor.execute(() -> {
            try {
                recordings.finalizeRecording(e.streamId());
            } catch (RuntimeException ex) {
                LOG.log(Level.WARNING, "Finalizing the recording of " + e.streamId() + " failed", ex);
            }
        });
    }
}
