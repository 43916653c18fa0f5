package io.relaycast.application.reaction;

import io.relaycast.application.limits.RateLimiter;
import io.relaycast.application.routing.Participant;
import io.relaycast.application.routing.RoomRouter;
import io.relaycast.application.signaling.protocol.SignalEvent;
import io.relaycast.application.signaling.protocol.SignalingException;
import io.relaycast.domain.model.reaction.Reaction;
import io.relaycast.domain.model.reaction.ReactionCount;
import io.relaycast.domain.model.stream.StreamId;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reactions (👍 ❤️ 😂 👏 🎉 😮) from the members of a live room: each member may send a few a
 * second ({@code REACTIONS_PER_SECOND}, bursts of twice that); they are counted, and every window
 * ({@code REACTIONS_WINDOW_MILLIS}) each room that got some is sent one {@code reaction:counts} with
 * the window's totals and the counts are kept — a clapping audience costs a message per window, not
 * one per clap per viewer. In a cluster each server counts its own members' reactions.
 */
@ApplicationScoped
public class ReactionService {

    private static final Logger LOG = Logger.getLogger(ReactionService.class.getName());

    @Inject
    RoomRouter router;

    @Inject
    ReactionCounts counts;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "reactions.per-second", defaultValue = "5")
    int perSecond;

    @Inject
    @ConfigProperty(name = "reactions.window-millis", defaultValue = "500")
    long windowMillis;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final ReactionWindow window = new ReactionWindow();
    private ScheduledFuture<?> flusher;

    @PostConstruct
    void start() {
        flusher = scheduler.scheduleWithFixedDelay(this::flush, windowMillis, windowMillis, TimeUnit.MILLISECONDS);
    }

    /** A member's reaction: one of the set, from someone watching (or broadcasting) a live stream, within its rate. */
    public void react(Participant from, String emoji) {
        Reaction reaction = Reaction.of(emoji).orElseThrow(() -> new SignalingException("bad-message",
                "emoji must be one of 👍 ❤️ 😂 👏 🎉 😮."));
        if (!from.isBroadcaster() && !from.isAdmittedViewer()) {
            throw new SignalingException("forbidden", "Reactions open when the stream goes live.");
        }
        if (budget(from).acquire(clock.millis() * 1_000_000L) != RateLimiter.Verdict.ALLOW) {
            throw new SignalingException("rate-limited", "At most " + perSecond + " reactions a second.");
        }
        window.add(from.streamId(), reaction);
    }

    private RateLimiter budget(Participant from) {
        RateLimiter budget = from.reactionBudget();
        if (budget == null) {
            budget = new RateLimiter(perSecond, 2.0 * perSecond, clock.millis() * 1_000_000L);
            from.reactionBudget(budget);
        }
        return budget;
    }

    void flush() {
        try {
            Map<StreamId, EnumMap<Reaction, Integer>> drained = window.drain();
            if (drained.isEmpty()) {
                return;
            }
            Instant now = clock.instant();
            List<ReactionCount> rows = new ArrayList<>();
            drained.forEach((room, byReaction) -> {
                Map<String, Integer> wire = new LinkedHashMap<>();
                byReaction.forEach((r, n) -> {
                    wire.put(r.emoji(), n);
                    rows.add(new ReactionCount(room, r, now, n));
                });
                router.publish(room, new SignalEvent.Reactions(wire), p -> true);
            });
            counts.keep(rows);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Reactions of one window not sent or kept", e);
        }
    }

    @PreDestroy
    void stop() {
        if (flusher != null) {
            flusher.cancel(false);
        }
        flush();
    }
}
