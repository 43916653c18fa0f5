package io.relaycast.application.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.relaycast.domain.model.viewer.ViewerRepository.WatchInterval;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineTest {

    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");

    private static Instant at(int seconds) {
        return T0.plusSeconds(seconds);
    }

    @Test
    void bucketsCountViewersAtTheirEndAndEventsWithinThem() {
        List<WatchInterval> sessions = List.of(
                new WatchInterval(at(1), at(15)),   // joins in bucket 0, leaves in bucket 1
                new WatchInterval(at(5), null),     // still watching
                new WatchInterval(at(12), at(18))); // in and out within bucket 1
        List<Timeline.Bucket> b = Timeline.of(T0, at(25), Duration.ofSeconds(10), sessions,
                List.of(at(2), at(3), at(21)), List.of(at(11)));
        assertEquals(3, b.size());
        assertEquals(new Timeline.Bucket(T0, 2, 2, 0, 2, 0, 0), b.get(0));
        assertEquals(new Timeline.Bucket(at(10), 1, 1, 2, 0, 1, 0), b.get(1));
        assertEquals(new Timeline.Bucket(at(20), 1, 0, 0, 1, 0, 0), b.get(2), "the last bucket ends now");
    }

    @Test
    void nothingBeforeTheStartAndTooManyBucketsRefused() {
        assertEquals(List.of(), Timeline.of(T0, T0, Duration.ofSeconds(1), List.of(), List.of(), List.of()));
        assertEquals(0, Timeline.of(T0, at(5), Duration.ofSeconds(10), List.of(), List.of(at(-3)), List.of()).get(0)
                .chatMessages());
        assertThrows(IllegalArgumentException.class, () -> Timeline.of(T0, at(6000), Duration.ofSeconds(1), List.of(),
                List.of(), List.of()));
    }
}
