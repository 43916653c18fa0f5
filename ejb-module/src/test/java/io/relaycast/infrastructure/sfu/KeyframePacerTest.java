package io.relaycast.infrastructure.sfu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.relaycast.domain.model.stream.StreamId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Keyframes for starting viewers: never lost to Janus's one-a-second rule, never more than needed. */
class KeyframePacerTest {

    long now = 10_000;
    final List<String> asked = new ArrayList<>();
    final List<Long> delays = new ArrayList<>();
    final List<Runnable> scheduled = new ArrayList<>();
    final StreamId room = new StreamId("11111111-1111-1111-1111-111111111111");
    final KeyframePacer pacer = new KeyframePacer(() -> now, (ms, task) -> {
        delays.add(ms);
        scheduled.add(task);
    }, r -> asked.add(r.value() + "@" + now));

    private void runScheduled() {
        List<Runnable> due = new ArrayList<>(scheduled);
        scheduled.clear();
        due.forEach(Runnable::run);
    }

    @Test
    void aStartJanusAsksForByItselfCostsNothingAndOneJustAfterIsAskedForOnceTheSecondIsOver() {
        pacer.started(room, true); // Janus sends its PLI: nothing to do
        assertEquals(List.of(), asked);
        now += 300;
        pacer.started(room, true); // Janus 1.1.2 puts this one off and never sends it
        now += 200;
        pacer.started(room, true); // covered by the same pending ask
        assertEquals(List.of(KeyframePacer.GAP_MILLIS - 300), delays, "asked once the second since Janus's is over");

        now += KeyframePacer.GAP_MILLIS - 500;
        runScheduled();
        assertEquals(List.of(room.value() + "@" + now), asked);

        now += 200;
        pacer.started(room, true); // within a second of our ask: put off again
        assertEquals(2, delays.size());
        assertEquals(KeyframePacer.GAP_MILLIS - 200, delays.get(1));
    }

    @Test
    void aStartOnAnotherJanusIsAlwaysAskedForHere() {
        pacer.started(room, false);
        assertEquals(List.of(room.value() + "@" + now), asked, "a cascade's Janus asks nobody");
        now += 100;
        pacer.started(room, false);
        assertEquals(1, asked.size());
        assertEquals(1, scheduled.size(), "the second within the gap waits for it");
        now += KeyframePacer.GAP_MILLIS;
        pacer.started(room, false);
        assertEquals(2, asked.size(), "after the gap, at once");
    }
}
