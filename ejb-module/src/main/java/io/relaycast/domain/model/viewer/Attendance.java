package io.relaycast.domain.model.viewer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who attended, per signed-in person: first join, last leave (null while still watching), time
 * watched and viewing sessions. Time watched is the union of their sessions, so two tabs open at
 * once count once; a session still open counts until {@code now}.
 */
public final class Attendance {

    /** One viewing session of a signed-in viewer ({@code leftAt} null while open). */
    public record Session(String userId, Instant joinedAt, Instant leftAt) {
    }

    public record Person(String userId, Instant firstJoin, Instant lastLeave, long watchSeconds, int sessions) {
    }

    private Attendance() {
    }

    /** One row per person, in the order of their first join. */
    public static List<Person> of(List<Session> sessions, Instant now) {
        Map<String, List<Session>> byUser = new LinkedHashMap<>();
        sessions.stream().sorted(Comparator.comparing(Session::joinedAt))
                .forEach(s -> byUser.computeIfAbsent(s.userId(), u -> new ArrayList<>()).add(s));
        List<Person> people = new ArrayList<>();
        byUser.forEach((user, own) -> {
            boolean open = own.stream().anyMatch(s -> s.leftAt() == null);
            Instant lastLeave = open ? null : own.stream().map(Session::leftAt).max(Comparator.naturalOrder()).orElse(null);
            people.add(new Person(user, own.get(0).joinedAt(), lastLeave, watched(own, now).toSeconds(), own.size()));
        });
        return people;
    }

    /** The length of the union of the sessions (sorted by join). */
    private static Duration watched(List<Session> sorted, Instant now) {
        Duration total = Duration.ZERO;
        Instant start = null;
        Instant end = null;
        for (Session s : sorted) {
            Instant left = s.leftAt() == null || s.leftAt().isAfter(now) ? now : s.leftAt();
            if (left.isBefore(s.joinedAt())) {
                continue;
            }
            if (end == null || s.joinedAt().isAfter(end)) {
                if (end != null) {
                    total = total.plus(Duration.between(start, end));
                }
                start = s.joinedAt();
                end = left;
            } else if (left.isAfter(end)) {
                end = left;
            }
        }
        return end == null ? total : total.plus(Duration.between(start, end));
    }
}
