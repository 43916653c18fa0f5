package io.relaycast.application.analytics;

import io.relaycast.domain.model.viewer.ViewerRepository.WatchInterval;
import io.relaycast.domain.model.reaction.ReactionCount;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A stream's activity in buckets of equal length: the pure arithmetic behind the charts. */
public final class Timeline {

    public static final int MAX_BUCKETS = 5000;

    /** One bucket [at, at + size): viewers watching at its end, and what happened within it. */
    public record Bucket(Instant at, int viewers, int joins, int leaves, int chatMessages, int likes, int reactions) {
    }

    private Timeline() {
    }

    public static List<Bucket> of(Instant from, Instant to, Duration size, List<WatchInterval> sessions,
                                  List<Instant> chat, List<Instant> likes) {
        return of(from, to, size, sessions, chat, likes, List.of());
    }

    /** As above, with reactions counted per window (each window's count goes to the bucket its end is in). */
    public static List<Bucket> of(Instant from, Instant to, Duration size, List<WatchInterval> sessions,
                                  List<Instant> chat, List<Instant> likes, List<ReactionCount> reactions) {
        if (!to.isAfter(from)) {
            return List.of();
        }
        long n = (Duration.between(from, to).toMillis() + size.toMillis() - 1) / size.toMillis();
        if (n > MAX_BUCKETS) {
            throw new IllegalArgumentException("more than " + MAX_BUCKETS + " buckets");
        }
        int count = (int) n;
        int[] viewers = new int[count];
        int[] joins = new int[count];
        int[] leaves = new int[count];
        int[] chats = new int[count];
        int[] likeCounts = new int[count];
        int[] reactionCounts = new int[count];
        for (WatchInterval s : sessions) {
            add(joins, from, size, s.joinedAt());
            add(leaves, from, size, s.leftAt());
            for (int i = 0; i < count; i++) {
                Instant end = from.plus(size.multipliedBy(i + 1L));
                if (end.isAfter(to)) {
                    end = to;
                }
                if (!s.joinedAt().isAfter(end) && (s.leftAt() == null || s.leftAt().isAfter(end))) {
                    viewers[i]++;
                }
            }
        }
        chat.forEach(t -> add(chats, from, size, t));
        likes.forEach(t -> add(likeCounts, from, size, t));
        reactions.forEach(r -> add(reactionCounts, from, size, r.windowEnd(), r.count()));
        List<Bucket> buckets = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            buckets.add(new Bucket(from.plus(size.multipliedBy(i)), viewers[i], joins[i], leaves[i], chats[i],
                    likeCounts[i], reactionCounts[i]));
        }
        return Collections.unmodifiableList(buckets);
    }

    private static void add(int[] counts, Instant from, Duration size, Instant t) {
        add(counts, from, size, t, 1);
    }

    private static void add(int[] counts, Instant from, Duration size, Instant t, int n) {
        if (t == null || t.isBefore(from)) {
            return;
        }
        long i = Duration.between(from, t).toMillis() / size.toMillis();
        if (i < counts.length) {
            counts[(int) i] += n;
        } else if (counts.length > 0 && i == counts.length) {
            counts[counts.length - 1] += n; // a window that closed just after the last bucket's end (now)
        }
    }
}
