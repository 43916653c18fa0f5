package io.relaycast.application.viewer;

import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.application.ice.IceServerProvider;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Viewing sessions. Joins and leaves are group-committed ({@link GroupCommit}): when a thousand
 * viewers arrive at once they are written in a few transactions, each caller answered once its
 * row is committed, and the peak still counted exactly (rows are locked per stream per batch).
 */
@ApplicationScoped
public class DefaultViewerService implements ViewerService {

    @Inject
    ViewerSessionWriter writer;

    @Inject
    IceServerProvider iceServers;

    /** The writer's own thread: on the shared pool it would queue behind the very joins waiting for it. */
    @Resource
    ManagedThreadFactory threads;

    @Inject
    @ConfigProperty(name = "viewers.max-batch", defaultValue = "500")
    int maxBatch;

    @Inject
    @ConfigProperty(name = "viewers.batch-linger-ms", defaultValue = "20")
    int lingerMillis;

    private GroupCommit<ViewerChange, Object> changes;
    private ExecutorService drainer;

    @PostConstruct
    void init() {
        drainer = Executors.newSingleThreadExecutor(threads);
        changes = new GroupCommit<>(writer::apply, drainer, maxBatch, lingerMillis, 30_000);
    }

    @PreDestroy
    void stop() {
        drainer.shutdown();
    }

    @Override
    public ViewerAdmission join(StreamId streamId, String userIdOrNull) {
        return admitted((ViewerChange.Opened) changes.submit(new ViewerChange.Join(streamId, userIdOrNull)));
    }

    @Override
    public CompletionStage<ViewerAdmission> joinAsync(StreamId streamId, String userIdOrNull) {
        return changes.submitAsync(new ViewerChange.Join(streamId, userIdOrNull))
                .thenApply(opened -> admitted((ViewerChange.Opened) opened));
    }

    private ViewerAdmission admitted(ViewerChange.Opened opened) {
        return new ViewerAdmission(opened.viewerId(), iceServers.iceServersFor(opened.viewerId()), opened.room());
    }

    @Override
    public void leave(StreamId streamId, String viewerId) {
        changes.submit(new ViewerChange.Leave(streamId, viewerId));
    }

    @Override
    public CompletionStage<Void> leaveAsync(StreamId streamId, String viewerId) {
        return changes.submitAsync(new ViewerChange.Leave(streamId, viewerId)).thenApply(closed -> null);
    }

    @Override
    public ViewerAdmission adopt(StreamId streamId, String viewerId) {
        String id = writer.adopt(streamId, viewerId);
        return new ViewerAdmission(id, iceServers.iceServersFor(id), null);
    }

    @Override
    public int closeAllOpenSessions() {
        return writer.closeAllOpen();
    }
}
