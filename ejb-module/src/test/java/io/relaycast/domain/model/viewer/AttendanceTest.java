package io.relaycast.domain.model.viewer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttendanceTest {

    private static final Instant T = Instant.parse("2026-12-05T10:00:00Z");

    private static Attendance.Session s(String user, int from, Integer to) {
        return new Attendance.Session(user, T.plusSeconds(from), to == null ? null : T.plusSeconds(to));
    }

    @Test
    void onePersonOneRowTwoTabsCountOnceAndAnOpenSessionCountsUntilNow() {
        List<Attendance.Person> people = Attendance.of(List.of(
                s("bob", 100, 400), s("carol", 0, 60), s("carol", 30, 90), s("carol", 600, null), s("bob", 500, 560)),
                T.plusSeconds(700));
        assertEquals(2, people.size());
        Attendance.Person carol = people.get(0);
        assertEquals("carol", carol.userId());
        assertEquals(T, carol.firstJoin());
        assertNull(carol.lastLeave(), "still watching");
        assertEquals(90 + 100, carol.watchSeconds(), "0–90 (two tabs overlapping) and 600–700");
        assertEquals(3, carol.sessions());
        Attendance.Person bob = people.get(1);
        assertEquals(T.plusSeconds(560), bob.lastLeave());
        assertEquals(300 + 60, bob.watchSeconds());
        assertEquals(2, bob.sessions());
    }
}
