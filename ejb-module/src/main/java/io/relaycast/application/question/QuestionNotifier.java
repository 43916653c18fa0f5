package io.relaycast.application.question;

import io.relaycast.application.events.QuestionChanged;
import io.relaycast.application.routing.Participant;
import io.relaycast.application.routing.RoomRouter;
import io.relaycast.application.signaling.protocol.SignalEvent;
import io.relaycast.domain.model.question.Question;
import io.relaycast.domain.model.stream.StreamId;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import io.relaycast.application.access.StaffRoles;

/**
 * Q&A in the room, after each change commits: a question others may see reaches everyone
 * ({@code question:added}, {@code question:updated}; a dismissed one {@code question:removed}); one
 * that waits for approval only the staff's pages (owner, moderators, admins); upvotes are coalesced into one
 * {@code question:votes} per room per half second.
 */
@ApplicationScoped
public class QuestionNotifier {

    private static final Logger LOG = Logger.getLogger(QuestionNotifier.class.getName());
    static final long INTERVAL_MILLIS = 500;

    @Inject
    RoomRouter router;

    @Inject
    QuestionService questions;

    @Inject
    StaffRoles roles;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final Map<StreamId, Set<String>> voted = new ConcurrentHashMap<>();
    private ScheduledFuture<?> flusher;

    @PostConstruct
    void start() {
        flusher = scheduler.scheduleWithFixedDelay(this::flush, INTERVAL_MILLIS, INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
    }

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) QuestionChanged e) {
        if (e.kind() == QuestionChanged.Kind.VOTED) {
            voted.computeIfAbsent(e.streamId(), s -> ConcurrentHashMap.newKeySet()).add(e.questionId());
        } else {
            scheduler.execute(() -> send(e));
        }
    }

    private void send(QuestionChanged e) {
        try {
            QuestionService.RoomView v = questions.roomView(e.questionId());
            if (v == null) {
                return;
            }
            QuestionView q = v.question();
            Question.State state = Question.State.valueOf(q.state().toUpperCase(java.util.Locale.ROOT));
            SignalEvent event = new SignalEvent.QuestionEvent(e.kind() == QuestionChanged.Kind.ADDED ? "added" : "updated",
                    q.id(), q.text(), q.author(), q.anonymous(), q.state(), q.votes(), q.createdAt());
            // waiting for approval: only the stream's staff (the owner's console, moderators' pages)
            Predicate<Participant> staff = p -> p.userId() != null && (p.userId().value().equals(v.owner())
                    || roles.actor(p.userId().value()).moderator());
            if (state.public_()) {
                router.publish(e.streamId(), event, p -> true);
            } else if (state == Question.State.DISMISSED) {
                router.publish(e.streamId(), new SignalEvent.QuestionRemoved(q.id()), p -> true);
            } else {
                router.publish(e.streamId(), event, staff);
            }
        } catch (RuntimeException ex) {
            LOG.log(Level.WARNING, "Question " + e.questionId() + " not sent to its room", ex);
        }
    }

    void flush() {
        for (StreamId streamId : voted.keySet()) {
            Set<String> ids = voted.remove(streamId);
            if (ids == null || ids.isEmpty()) {
                continue;
            }
            try {
                Map<String, Integer> all = questions.votes(streamId);
                Map<String, Integer> changedVotes = new HashMap<>();
                ids.forEach(id -> changedVotes.put(id, all.getOrDefault(id, 0)));
                router.publish(streamId, new SignalEvent.QuestionVotes(changedVotes), p -> true);
            } catch (RuntimeException ex) {
                LOG.log(Level.WARNING, "Upvotes of " + streamId + " not sent", ex);
            }
        }
    }

    @PreDestroy
    void stop() {
        if (flusher != null) {
            flusher.cancel(false);
        }
    }
}
