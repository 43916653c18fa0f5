package io.relaycast.infrastructure.sfu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.relaycast.domain.model.stream.StreamId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Keyframes for starting viewers: the latest start always gets one after it, never more than one a gap. */
class KeyframePacerTest {

    long now = 10_000;
    final List<Long> asked = new ArrayList<>();
    final List<Long> dueAt = new ArrayList<>();
    final List<Runnable> scheduled = new ArrayList<>();
    final StreamId room = new StreamId("11111111-1111-1111-1111-111111111111");
    final KeyframePacer pacer = new KeyframePacer(() -> now, (ms, task) -> {
        dueAt.add(now + ms);
        scheduled.add(task);
    }, r -> asked.add(now));

    /** Moves the clock to the next planned task and runs it. */
    private void runNext() {
        now = dueAt.remove(0);
        scheduled.remove(0).run();
    }

    @Test
    void aLoneStartGetsOneAskAfterItsConnectionIsUp() {
        pacer.started(room);
        assertEquals(List.of(10_000 + KeyframePacer.TRAIL_MILLIS), dueAt);
        runNext();
        assertEquals(List.of(10_000 + KeyframePacer.TRAIL_MILLIS), asked);
        assertTrue(scheduled.isEmpty(), "nobody started since: nothing more");
    }

    @Test
    void aStormOfStartsCostsOneAskPerGapAndTheLastStartIsCovered() {
        for (int i = 0; i < 100; i++) { // 100 viewers over two seconds
            pacer.started(room);
            now += 20;
            if (!dueAt.isEmpty() && dueAt.get(0) <= now) {
                long keep = now;
                runNext();
                now = keep;
            }
        }
        long lastStart = now - 20;
        while (!scheduled.isEmpty()) {
            runNext();
        }
        for (int i = 1; i < asked.size(); i++) {
            assertTrue(asked.get(i) - asked.get(i - 1) >= KeyframePacer.GAP_MILLIS, "at most one ask per gap: " + asked);
        }
        assertTrue(asked.size() <= 3, "about one a second over two seconds: " + asked);
        assertTrue(asked.get(asked.size() - 1) >= lastStart + KeyframePacer.TRAIL_MILLIS,
                "the last viewer's connection is up before the last ask: " + asked);
    }

    @Test
    void aForgottenRoomIsNotAskedFor() {
        pacer.started(room);
        pacer.forget(room);
        runNext();
        assertTrue(asked.isEmpty());
    }
}
