package io.relaycast.application.signaling;

import io.relaycast.application.routing.RoomNews;
import io.relaycast.application.routing.RoomRouter;
import io.relaycast.application.routing.ServerNodes;
import io.relaycast.application.signaling.protocol.SignalEvent;
import io.relaycast.application.analytics.ViewerQuality;
import io.relaycast.application.events.AudienceChanged;
import io.relaycast.application.events.ChatDeleted;
import io.relaycast.application.events.CaptionPosted;
import io.relaycast.application.events.PinChanged;
import io.relaycast.domain.model.pin.PinnedItem;
import io.relaycast.application.events.ChatPosted;
import io.relaycast.application.events.AccessChanged;
import io.relaycast.application.events.StreamCancelled;
import io.relaycast.application.events.StreamEnded;
import io.relaycast.application.events.StreamUpdated;
import io.relaycast.application.stream.LivestreamService;
import io.relaycast.application.stream.StreamSnapshot;
import io.relaycast.application.events.StreamStarted;
import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.domain.model.shared.UserId;
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
    ServerNodes nodes;

    @Inject
    RoomAdmission admission;

    @Inject
    RoomLifecycle lifecycle;

    @Inject
    RoomUpdates updates;

    @Inject
    StreamFactsCache facts;

    @Inject
    ViewerQuality quality;

    @Inject
    SignalingMetrics metrics;

    @Inject
    LivestreamService streams;

    @Resource
    ManagedScheduledExecutorService executor;

    void started(@Observes(during = TransactionPhase.AFTER_SUCCESS) StreamStarted e) {
        StreamId id = e.streamId();
        facts.forget(id);
        router.publish(id, new SignalEvent.StreamStarted(id), p -> true);
        // Opening viewer rows needs a new transaction: not on the committing thread.
        executor.execute(() -> admission.admitWaitingViewers(id));
        nodes.announce(new RoomNews(id, RoomNews.Kind.STARTED));
        updates.changed(id);
        if (router.broadcaster(id).isEmpty()) {
            // Started over REST with no broadcaster connected: it has a while to connect, then it ends.
            lifecycle.startFirstConnect(id);
        }
    }

    void ended(@Observes(during = TransactionPhase.AFTER_SUCCESS) StreamEnded e) {
        StreamId id = e.streamId();
        facts.forget(id);
        quality.forget(e.streamId());
        nodes.announce(new RoomNews(id, RoomNews.Kind.ENDED));
        lifecycle.closeRoom(id, new SignalEvent.StreamStopped(id, e.endedAt(), e.recordingUrl()));
    }

    /** A cancelled stream's waiting room is told and closed, as an ended stream's room is. */
    void cancelled(@Observes(during = TransactionPhase.AFTER_SUCCESS) StreamCancelled e) {
        facts.forget(e.streamId());
        nodes.announce(new RoomNews(e.streamId(), RoomNews.Kind.ENDED));
        lifecycle.closeRoom(e.streamId(), new SignalEvent.StreamCancelled(e.streamId()));
    }

    /** The new title, description, time or tags, to everyone in the room (its status is unchanged). */
    void revised(@Observes(during = TransactionPhase.AFTER_SUCCESS) StreamUpdated e) {
        facts.forget(e.streamId());
        nodes.announce(new RoomNews(e.streamId(), RoomNews.Kind.REVISED));
        executor.execute(() -> {
            StreamSnapshot s = streams.find(e.streamId());
            router.publish(e.streamId(), new SignalEvent.StreamRevised(e.streamId(), s.stream().getTitle(),
                    s.stream().getDescription(), s.stream().getScheduledAt(), s.tags()), m -> true);
        });
    }

    void accessChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) AccessChanged e) {
        nodes.announce(new RoomNews(e.streamId(), RoomNews.Kind.ACCESS_CHANGED));
        lifecycle.recheckViewers(e.streamId());
    }

    /** Another server of the cluster started or ended a stream: act for the members this one holds. */
    void elsewhere(@Observes RoomNews news) {
        switch (news.kind()) {
            case STARTED -> {
                facts.forget(news.streamId());
                executor.execute(() -> admission.admitWaitingViewers(news.streamId()));
            }
            case ENDED -> {
                facts.forget(news.streamId());
                quality.forget(news.streamId());
            }
            case ACCESS_CHANGED -> lifecycle.recheckViewers(news.streamId());
            case REVISED -> facts.forget(news.streamId());
            default -> {
                // PUBLISHED and HLS_WANTED concern the SFU delivery and live HLS, which hear them themselves
            }
        }
    }

    void chat(@Observes(during = TransactionPhase.AFTER_SUCCESS) ChatPosted e) {
        StreamId id = e.streamId();
        router.publish(id, new SignalEvent.ChatMessage(e.id(), id, UserId.ofNullable(e.userId()), e.displayName(),
                e.message(), e.createdAt()), p -> true);
        metrics.chatMessage();
    }

    void chatDeleted(@Observes(during = TransactionPhase.AFTER_SUCCESS) ChatDeleted e) {
        router.publish(e.streamId(), new SignalEvent.ChatDeleted(e.messageId()), p -> true);
    }

    void pin(@Observes(during = TransactionPhase.AFTER_SUCCESS) PinChanged e) {
        PinnedItem p = e.pin();
        router.publish(e.streamId(), p == null ? new SignalEvent.PinRemoved(e.pinId())
                : new SignalEvent.PinAdded(p.getId(), p.getTitle(), p.getUrl(), p.getDescription(), p.getImageUrl(),
                p.getPrice()), m -> true);
    }

    void caption(@Observes(during = TransactionPhase.AFTER_SUCCESS) CaptionPosted e) {
        router.publish(e.streamId(), new SignalEvent.Caption(e.text(), e.finalLine(), e.at()), m -> true);
    }

    void audience(@Observes(during = TransactionPhase.AFTER_SUCCESS) AudienceChanged e) {
        updates.changed(e.streamId());
    }
}
