package io.relaycast.infrastructure.sfu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SfuPlacementTest {

    /** A fake instance: its figures as given. */
    private static final class Fake implements SfuPlacement.Instance {
        final String name;
        boolean reachable = true;
        int publishers;
        int subscribers;

        Fake(String name, int publishers, int subscribers) {
            this.name = name;
            this.publishers = publishers;
            this.subscribers = subscribers;
        }

        @Override
        public boolean reachable() {
            return reachable;
        }

        @Override
        public int load() {
            return publishers + subscribers;
        }

        @Override
        public int subscribers() {
            return subscribers;
        }
    }

    private static String name(Optional<Fake> f) {
        return f.map(x -> x.name).orElse("none");
    }

    @Test
    void aNewStreamGoesToTheLeastLoadedThatAnswersTheFirstOnATie() {
        Fake a = new Fake("a", 0, 0);
        Fake b = new Fake("b", 0, 0);
        Fake c = new Fake("c", 0, 0);
        List<Fake> all = List.of(a, b, c);
        assertEquals("a", name(SfuPlacement.leastLoaded(all)), "a tie: the first");
        a.publishers = 1;
        assertEquals("b", name(SfuPlacement.leastLoaded(all)), "a publisher counts");
        b.subscribers = 40;
        c.publishers = 1;
        c.subscribers = 2;
        assertEquals("a", name(SfuPlacement.leastLoaded(all)), "publishers and viewers together: 1 < 3 < 40");
        a.reachable = false;
        assertEquals("c", name(SfuPlacement.leastLoaded(all)), "one that does not answer is skipped");
        b.reachable = false;
        c.reachable = false;
        assertTrue(SfuPlacement.leastLoaded(all).isEmpty(), "none answers: nowhere");
    }

    @Test
    void viewersStayOnTheStreamsInstanceUntilItHoldsItsCapacity() {
        Fake home = new Fake("home", 1, 4);
        Fake b = new Fake("b", 0, 3);
        Fake c = new Fake("c", 5, 1);
        List<Fake> all = List.of(home, b, c);
        assertTrue(SfuPlacement.overflowFor(home, all, 5).isEmpty(), "4 of 5: room at home");
        home.subscribers = 5;
        assertEquals("c", name(SfuPlacement.overflowFor(home, all, 5)), "full: the other with the fewest viewers");
        c.reachable = false;
        assertEquals("b", name(SfuPlacement.overflowFor(home, all, 5)), "one that does not answer is skipped");
        b.subscribers = 5;
        assertTrue(SfuPlacement.overflowFor(home, all, 5).isEmpty(), "all full: the home takes it");
        assertTrue(SfuPlacement.overflowFor(home, all, 0).isEmpty(), "no capacity set: never elsewhere");
    }

    @Test
    void theCandidatesForACopyAreTheOthersWithRoomLeastLoadedFirst() {
        Fake home = new Fake("home", 1, 5);
        Fake b = new Fake("b", 0, 4);
        Fake c = new Fake("c", 0, 2);
        Fake d = new Fake("d", 0, 5);
        Fake e = new Fake("e", 0, 0);
        e.reachable = false;
        List<Fake> all = List.of(home, b, c, d, e);
        assertEquals(List.of("c", "b"), SfuPlacement.withRoom(home, all, 5).stream().map(f -> f.name).toList(),
                "full d, unreachable e and the home itself are no candidates");
        assertEquals(List.of("c", "b", "d"), SfuPlacement.withRoom(home, all, 0).stream().map(f -> f.name).toList(),
                "no capacity: every other that answers");
    }

    @Test
    void theStreamsOwnInstanceIsNeverItsOverflow() {
        Fake home = new Fake("home", 1, 9);
        assertTrue(SfuPlacement.overflowFor(home, List.of(home), 5).isEmpty());
    }
}
