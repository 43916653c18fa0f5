package io.relaycast.application.analytics;

import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.application.access.Actor;
import io.relaycast.domain.model.shared.ActionForbiddenException;
import io.relaycast.domain.model.stream.ActivityRepository;
import io.relaycast.domain.model.shared.InvalidInputException;
import io.relaycast.domain.model.stream.Livestream;
import io.relaycast.domain.model.stream.LivestreamRepository;
import io.relaycast.domain.model.viewer.ViewerRepository;
import io.relaycast.domain.model.viewer.Attendance;
import io.relaycast.domain.model.viewer.WatchStatistics;
import io.relaycast.domain.model.reaction.Reaction;
import io.relaycast.domain.model.reaction.ReactionRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A stream's analytics, for its owner, moderators and admins: live and after the end. */
@Stateless
public class AnalyticsService {

    /** Totals for the report page. */
    public record Report(String streamId, String title, String status, Instant startedAt, Instant endedAt, int peak,
                         long uniqueViewers, long sessions, long averageWatchSeconds, long likes, long chatMessages,
                         Map<String, Integer> reactions) {
    }

    @Inject
    LivestreamRepository streams;

    @Inject
    ViewerRepository viewers;

    @Inject
    ActivityRepository activity;

    @Inject
    ReactionRepository reactions;

    @Inject
    Clock clock;

    public List<Timeline.Bucket> timeline(StreamId streamId, int bucketSeconds, Actor by) {
        Livestream s = readable(streamId, by);
        if (bucketSeconds < 1 || bucketSeconds > 3600) {
            throw new InvalidInputException("bucketSeconds must be 1–3600.");
        }
        if (s.getStartedAt() == null) {
            return List.of();
        }
        Instant to = s.getEndedAt() != null ? s.getEndedAt() : clock.instant();
        Duration size = Duration.ofSeconds(bucketSeconds);
        if (Duration.between(s.getStartedAt(), to).toMillis() / size.toMillis() >= Timeline.MAX_BUCKETS) {
            throw new InvalidInputException("That is more than " + Timeline.MAX_BUCKETS
                    + " buckets for this stream: choose larger buckets.");
        }
        return Timeline.of(s.getStartedAt(), to, size, viewers.watchIntervals(streamId), activity.chatTimes(streamId),
                activity.likeTimes(streamId), reactions.of(streamId));
    }

    public Report report(StreamId streamId, Actor by) {
        Livestream s = readable(streamId, by);
        Instant now = clock.instant();
        return new Report(s.getId().value(), s.getTitle(), s.getStatus().wireName(), s.getStartedAt(), s.getEndedAt(),
                s.getViewerCountPeak(), activity.uniqueViewers(streamId), viewers.countAll(streamId),
                WatchStatistics.averageWatchTime(viewers.watchIntervals(streamId), now).toSeconds(), s.getLikeCount(),
                activity.chatTimes(streamId).size(), reactionTotals(streamId));
    }

    /** Who attended, per signed-in person (the owner and admins: it names people). */
    public List<Attendance.Person> attendance(StreamId streamId, Actor by) {
        Livestream s = streams.get(streamId);
        if (!by.managerOf(s)) {
            throw new ActionForbiddenException("Only the stream's owner and admins see who attended.");
        }
        return Attendance.of(viewers.signedInSessions(streamId), clock.instant());
    }

    /** Each reaction's total (emoji → count), in the set's order; ones nobody sent are left out. */
    private Map<String, Integer> reactionTotals(StreamId streamId) {
        Map<Reaction, Integer> totals = new EnumMap<>(Reaction.class);
        reactions.of(streamId).forEach(c -> totals.merge(c.reaction(), c.count(), Integer::sum));
        Map<String, Integer> out = new LinkedHashMap<>();
        totals.forEach((r, n) -> out.put(r.emoji(), n));
        return out;
    }

    /** The owner, moderators and admins; the stream must exist (404 first). */
    public Livestream readable(StreamId streamId, Actor by) {
        Livestream s = streams.get(streamId);
        if (!s.isOwnedBy(by.userId()) && !by.moderator()) {
            throw new ActionForbiddenException("Only the stream's owner, moderators and admins see its analytics.");
        }
        return s;
    }
}
