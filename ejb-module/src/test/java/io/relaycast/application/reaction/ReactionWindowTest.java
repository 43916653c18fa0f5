package io.relaycast.application.reaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.relaycast.domain.model.reaction.Reaction;
import io.relaycast.domain.model.stream.StreamId;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ReactionWindowTest {

    private final ReactionWindow window = new ReactionWindow();
    private final StreamId a = StreamId.of("a");
    private final StreamId b = StreamId.of("b");

    @Test
    void aWindowHoldsEachRoomsCountsOnce() {
        window.add(a, Reaction.CLAP);
        window.add(a, Reaction.CLAP);
        window.add(a, Reaction.HEART);
        window.add(b, Reaction.WOW);
        Map<StreamId, EnumMap<Reaction, Integer>> d = window.drain();
        assertEquals(Map.of(Reaction.CLAP, 2, Reaction.HEART, 1), d.get(a));
        assertEquals(Map.of(Reaction.WOW, 1), d.get(b));
        assertTrue(window.drain().isEmpty(), "counted once");
        window.add(a, Reaction.PARTY); // a room that went quiet starts again
        assertEquals(Map.of(Reaction.PARTY, 1), window.drain().get(a));
    }

    @Test
    void noReactionIsLostOrCountedTwiceWhileWindowsClose() throws Exception {
        int threads = 4;
        int each = 50_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicBoolean done = new AtomicBoolean();
        long[] drained = new long[1];
        Thread drainer = new Thread(() -> {
            while (!done.get()) {
                window.drain().values().forEach(m -> m.values().forEach(n -> drained[0] += n));
            }
        });
        drainer.start();
        for (int t = 0; t < threads; t++) {
            pool.execute(() -> {
                for (int i = 0; i < each; i++) {
                    window.add(i % 2 == 0 ? a : b, Reaction.values()[i % Reaction.values().length]);
                }
            });
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        done.set(true);
        drainer.join();
        window.drain().values().forEach(m -> m.values().forEach(n -> drained[0] += n));
        assertEquals((long) threads * each, drained[0]);
    }

    @Test
    void onlyTheSetIsAccepted() {
        assertEquals(Reaction.HEART, Reaction.of("❤️").orElseThrow());
        assertEquals(Reaction.HEART, Reaction.of("❤").orElseThrow());
        assertTrue(Reaction.of("💩").isEmpty());
        assertTrue(Reaction.of("<b>👍</b>").isEmpty());
        assertTrue(Reaction.of(null).isEmpty());
    }
}
