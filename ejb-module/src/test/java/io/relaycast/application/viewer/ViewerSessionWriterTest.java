package io.relaycast.application.viewer;

import io.relaycast.domain.model.stream.StreamId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.relaycast.application.events.AudienceChanged;
import io.relaycast.application.events.PeakReached;
import io.relaycast.application.viewer.GroupCommit.Outcome;
import io.relaycast.domain.model.stream.Livestream;
import io.relaycast.domain.model.stream.LivestreamRepository;
import io.relaycast.domain.model.viewer.LivestreamViewer;
import io.relaycast.domain.model.shared.PageRequest;
import io.relaycast.domain.model.stream.StreamNotFoundException;
import io.relaycast.domain.model.stream.StreamFullException;
import io.relaycast.domain.model.stream.StreamStateException;
import io.relaycast.domain.model.stream.StreamStatus;
import io.relaycast.domain.model.viewer.ViewerRepository;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.annotation.Annotation;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/** The batch writer's rules with in-memory repositories: order, exact peak, one failure per change. */
class ViewerSessionWriterTest {

    static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    private final ViewerFakes.Streams streams = new ViewerFakes.Streams();
    private final ViewerFakes.Viewers viewers = new ViewerFakes.Viewers();
    private final List<Object> fired = new ArrayList<>();
    private final ViewerSessionWriter writer = new ViewerSessionWriter();

    ViewerSessionWriterTest() {
        writer.streams = streams;
        writer.viewers = viewers;
        writer.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        writer.events = new Recorder();
        writer.staff = new io.relaycast.application.access.StaffRoles();
    }

    @Test
    void thePeakIsTheTrueMaximumWithinABatch() {
        Livestream live = streams.live();
        List<Outcome<Object>> first = writer.apply(List.of(join(live), join(live), join(live)));
        String a = opened(first.get(0)).viewerId();
        // 3 open; then: leave, join, join, leave, leave → counts 2, 3, 4, 3, 2: the peak is 4
        List<Outcome<Object>> second = writer.apply(List.of(leave(live, a), join(live), join(live),
                leave(live, opened(first.get(1)).viewerId()), leave(live, opened(first.get(2)).viewerId())));
        assertEquals(4, live.getViewerCountPeak());
        // each joiner is told the figures as its own join left them, not the batch's end state
        assertEquals(new RoomStats(1, 1, 0), opened(first.get(0)).room());
        assertEquals(new RoomStats(3, 3, 0), opened(first.get(2)).room());
        assertEquals(new RoomStats(3, 3, 0), opened(second.get(1)).room());
        assertEquals(new RoomStats(4, 4, 0), opened(second.get(2)).room());
        assertEquals(Boolean.TRUE, second.get(0).value());
        assertEquals(2, viewers.countOpen(live.getId()));
        assertEquals(2, fired.stream().filter(e -> e instanceof AudienceChanged).count(),
                "one audience change per stream per batch");
        assertEquals(List.of(3, 4), fired.stream().filter(e -> e instanceof PeakReached)
                .map(e -> ((PeakReached) e).peak()).toList(), "a new peak is announced once per batch");
    }

    @Test
    void aJoinToAStreamThatIsNotLiveFailsAloneAndLeavesTheOthersWritten() {
        Livestream live = streams.live();
        Livestream scheduled = streams.scheduled();
        List<Outcome<Object>> out = writer.apply(List.of(join(live),
                new ViewerChange.Join(scheduled.getId(), null), new ViewerChange.Join(StreamId.of("nope"), null), join(live)));
        assertNotNull(out.get(0).value());
        assertTrue(out.get(1).failure() instanceof StreamStateException);
        assertTrue(out.get(2).failure() instanceof StreamNotFoundException);
        assertNull(out.get(3).failure());
        assertEquals(2, viewers.countOpen(live.getId()));
        assertEquals(0, viewers.countOpen(scheduled.getId()));
    }

    @Test
    void aBatchOverManyRoomsLocksAndCountsThemInTwoStatementsPerChunkInIdOrder() {
        List<Livestream> rooms = new ArrayList<>();
        for (int i = 0; i < ViewerSessionWriter.MAX_LOCK + 20; i++) {
            rooms.add(streams.live());
        }
        Livestream busy = rooms.get(7);
        writer.apply(List.of(join(busy), join(busy)));
        streams.lockStatements = 0;
        streams.lockedOrder.clear();
        viewers.countStatements = 0;

        List<Outcome<Object>> out = writer.apply(rooms.stream().<ViewerChange>map(ViewerSessionWriterTest::join).toList());

        assertEquals(2, streams.lockStatements, "one locking read per chunk of " + ViewerSessionWriter.MAX_LOCK);
        assertEquals(2, viewers.countStatements, "one grouped count per chunk");
        assertEquals(streams.lockedOrder.stream().sorted().toList(), streams.lockedOrder, "locks in id order");
        assertEquals(new RoomStats(3, 3, 0), opened(out.get(7)).room(), "counted before the batch: 2 open, +1");
        assertEquals(new RoomStats(1, 1, 0), opened(out.get(0)).room());
    }

    @Test
    void leavingTwiceOrSomeoneElsesSessionIsTold() {
        Livestream live = streams.live();
        Livestream other = streams.live();
        String id = opened(writer.apply(List.of(join(live))).get(0)).viewerId();
        List<Outcome<Object>> out = writer.apply(List.of(leave(live, id), leave(live, id), leave(other, id)));
        assertEquals(Boolean.TRUE, out.get(0).value());
        assertEquals(Boolean.FALSE, out.get(1).value());
        assertTrue(out.get(2).failure() instanceof StreamNotFoundException);
    }

    private static ViewerChange.Opened opened(Outcome<Object> outcome) {
        return (ViewerChange.Opened) outcome.value();
    }

    @Test
    void aFullStreamRefusesTheNextViewerButNotItsStaffAndStaysFullUnderABatch() {
        Livestream live = streams.live();
        live.limitViewers(2);
        writer.staff.observe("mo", true, false);
        List<Outcome<Object>> out = writer.apply(List.of(join(live), join(live), join(live),
                new ViewerChange.Join(live.getId(), "alice"), new ViewerChange.Join(live.getId(), "mo"),
                new ViewerChange.Join(live.getId(), "bob")));
        assertNull(out.get(1).failure());
        assertTrue(out.get(2).failure() instanceof StreamFullException, "the third of two");
        assertEquals("full", out.get(2).failure() instanceof StreamFullException f ? f.code() : null);
        assertNull(out.get(3).failure(), "the owner always gets in");
        assertNull(out.get(4).failure(), "a moderator always gets in");
        assertTrue(out.get(5).failure() instanceof StreamFullException);
        assertEquals(4, viewers.countOpen(live.getId()));
    }

    private static ViewerChange.Join join(Livestream s) {
        return new ViewerChange.Join(s.getId(), null);
    }

    private static ViewerChange.Leave leave(Livestream s, String viewerId) {
        return new ViewerChange.Leave(s.getId(), viewerId);
    }

    private final class Recorder implements Event<Object> {
        @Override
        public void fire(Object event) {
            fired.add(event);
        }

        @Override
        public <U> CompletionStage<U> fireAsync(U event) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Event<Object> select(Annotation... qualifiers) {
            return this;
        }

        @Override
        public <U> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }
    }
}
