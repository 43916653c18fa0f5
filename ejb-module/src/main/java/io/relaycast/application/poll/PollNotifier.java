package io.relaycast.application.poll;

import io.relaycast.application.events.PollChanged;
import io.relaycast.application.routing.RoomRouter;
import io.relaycast.application.signaling.protocol.SignalEvent;
import io.relaycast.domain.model.stream.StreamId;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Polls in the room, after each change commits: opened and closed at once; votes coalesced — a
 * poll that got votes is sent with its results at most once per half second, not once per vote.
 */
@ApplicationScoped
public class PollNotifier {

    private static final Logger LOG = Logger.getLogger(PollNotifier.class.getName());
    static final long INTERVAL_MILLIS = 500;

    @Inject
    RoomRouter router;

    @Inject
    PollService polls;

    @Resource
    ManagedScheduledExecutorService scheduler;

    /** Polls with new votes → their stream. */
    private final Map<String, StreamId> voted = new ConcurrentHashMap<>();
    private ScheduledFuture<?> flusher;

    @PostConstruct
    void start() {
        flusher = scheduler.scheduleWithFixedDelay(this::flush, INTERVAL_MILLIS, INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
    }

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) PollChanged e) {
        if (e.kind() == PollChanged.Kind.VOTED) {
            voted.put(e.pollId(), e.streamId());
        } else {
            voted.remove(e.pollId());
            scheduler.execute(() -> send(e.pollId(), e.streamId()));
        }
    }

    void flush() {
        for (String pollId : voted.keySet()) {
            StreamId streamId = voted.remove(pollId);
            if (streamId != null) {
                send(pollId, streamId);
            }
        }
    }

    private void send(String pollId, StreamId streamId) {
        try {
            PollView p = polls.current(pollId);
            if (p != null) {
                router.publish(streamId, new SignalEvent.PollUpdate(p.id(), p.question(), p.options(), p.votes(),
                        p.state()), m -> true);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Poll " + pollId + " not sent to its room", e);
        }
    }

    @PreDestroy
    void stop() {
        if (flusher != null) {
            flusher.cancel(false);
        }
    }
}
