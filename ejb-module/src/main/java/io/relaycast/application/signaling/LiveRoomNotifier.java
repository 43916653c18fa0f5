package io.relaycast.application.signaling;

import io.relaycast.application.events.AudienceChanged;
import io.relaycast.application.events.ChatPosted;
import io.relaycast.application.events.StreamEnded;
import io.relaycast.application.events.StreamStarted;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * Tells rooms what happened, whoever caused it (REST or WebSocket), and only once the change is
 * committed: chat is stored before anyone sees it.
 */
@ApplicationScoped
public class LiveRoomNotifier {

    @Inject
    RoomRouter router;

    @Inject
    SignalingService signaling;

    @Inject
    RoomUpdates updates;

    @Inject
    SignalingMetrics metrics;

    @Resource
    ManagedScheduledExecutorService executor;

    void started(@Observes(during = TransactionPhase.AFTER_SUCCESS) StreamStarted e) {
        router.publish(e.streamId(), SignalMessages.streamStarted(e.streamId()), p -> true);
        // Opening viewer rows needs a new transaction: not on the committing thread.
        executor.execute(() -> signaling.admitWaitingViewers(e.streamId()));
        updates.changed(e.streamId());
    }

    void ended(@Observes(during = TransactionPhase.AFTER_SUCCESS) StreamEnded e) {
        signaling.closeRoom(e.streamId(), SignalMessages.streamStopped(e.streamId(), e.endedAt(), e.recordingUrl()));
    }

    void chat(@Observes(during = TransactionPhase.AFTER_SUCCESS) ChatPosted e) {
        router.publish(e.streamId(), SignalMessages.chat(e), p -> true);
        metrics.chatMessage();
    }

    void audience(@Observes(during = TransactionPhase.AFTER_SUCCESS) AudienceChanged e) {
        updates.changed(e.streamId());
    }
}
