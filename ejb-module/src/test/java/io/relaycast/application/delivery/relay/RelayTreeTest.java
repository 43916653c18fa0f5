package io.relaycast.application.delivery.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.relaycast.application.delivery.relay.RelayTree.Profile;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RelayTreeTest {

    private static final Profile GOOD = RelayScoring.profile(5000.0, 30.0, 0.0, "nominal", 600, false, null);
    private static final Profile WEAK = RelayScoring.profile(400.0, 30.0, 0.0, "nominal", 600, false, null);

    @Test
    void theBroadcasterFeedsFirstThenTheShallowestFreeSlot() {
        RelayTree t = new RelayTree("b", 2);
        assertEquals("b", t.attach("v1", GOOD));
        assertEquals("b", t.attach("v2", GOOD));
        assertEquals(List.of("v1", "v2"), t.childrenOf("b"));
        String p3 = t.attach("v3", GOOD);
        assertTrue(List.of("v1", "v2").contains(p3));
        t.attach("v4", GOOD);
        t.attach("v5", GOOD);
        t.attach("v6", GOOD);
        assertEquals(2, t.maxDepth(), "six viewers at fan-out 2: two levels");
        assertTrue(t.linked("v1", "b") && t.linked("b", "v1") && !t.linked("v1", "v2"));
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4})
    void aThousandViewersStayWithinLogFanoutDepth(int fanout) {
        RelayTree t = new RelayTree("b", fanout);
        for (int i = 0; i < 1000; i++) {
            t.attach("v" + i, GOOD);
        }
        int bound = (int) Math.ceil(Math.log(1000) / Math.log(fanout)) + 1;
        assertTrue(t.maxDepth() <= bound, "depth " + t.maxDepth() + " > " + bound);
        assertValid(t, 1000, fanout);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    void randomDeparturesLeaveNoOrphanAndNoCycle(int fanout) {
        RelayTree t = new RelayTree("b", fanout);
        Random random = new Random(42 + fanout);
        List<String> present = new ArrayList<>();
        int next = 0;
        for (int step = 0; step < 3000; step++) {
            if (present.size() < 50 || random.nextInt(3) > 0) {
                String id = "v" + next++;
                t.attach(id, random.nextInt(5) == 0 ? WEAK : GOOD);
                present.add(id);
            } else {
                String gone = present.remove(random.nextInt(present.size()));
                for (RelayTree.Move m : t.detach(gone)) {
                    assertNotEquals(gone, m.parent());
                    assertNotEquals(gone, m.child());
                }
            }
        }
        assertValid(t, present.size(), fanout);
    }

    @Test
    void weakViewersAreLeavesAndAViewerThatWeakensHandsOverItsChildren() {
        RelayTree t = new RelayTree("b", 1);
        t.attach("strong", GOOD);
        t.attach("weak", WEAK);
        assertEquals("strong", t.parentOf("weak").orElseThrow());
        t.attach("late", GOOD);
        assertNotEquals("weak", t.parentOf("late").orElseThrow(), "never under a weak viewer");
        assertTrue(t.childrenOf("weak").isEmpty());
        List<RelayTree.Move> moves = t.update("strong", WEAK);
        assertFalse(moves.isEmpty());
        assertTrue(t.childrenOf("strong").isEmpty(), "a weak viewer keeps no children");
    }

    @Test
    void repairsKeepTheDepthNearlyAsItWas() {
        RelayTree t = new RelayTree("b", 3);
        for (int i = 0; i < 1000; i++) {
            t.attach("v" + i, GOOD);
        }
        int depth = t.maxDepth();
        Random random = new Random(7);
        List<String> weakened = new ArrayList<>();
        for (int i = 0; i < 1000; i += 1 + random.nextInt(4)) {
            if (i % 2 == 0) {
                t.detach("v" + i);
            } else {
                t.update("v" + i, WEAK);
                weakened.add("v" + i);
            }
        }
        // a moved subtree that finds no slot at its own level goes one level down: a little growth, bounded
        assertTrue(t.maxDepth() <= depth + 2, "depth grew from " + depth + " to " + t.maxDepth());
        for (String w : weakened) {
            assertTrue(t.childrenOf(w).isEmpty(), "a weakened viewer is a leaf: " + w);
        }
        assertValid(t, t.size(), 3);
    }

    @Test
    void aViewerThatLostItsParentGetsAnotherOutsideItsSubtree() {
        RelayTree t = new RelayTree("b", 2);
        for (int i = 1; i <= 6; i++) {
            t.attach("v" + i, GOOD);
        }
        String child = t.childrenOf("v1").get(0);
        RelayTree.Move m = t.reparent("v1").orElseThrow();
        assertEquals("b", m.previous());
        assertNotEquals(child, m.parent(), "not under its own child");
        assertValid(t, 6, 2);
    }

    @Test
    void sitesKeepTheirBranches() {
        RelayTree t = new RelayTree("b", 2);
        Profile paris = RelayScoring.profile(5000.0, 20.0, 0.0, null, 0, false, "paris");
        Profile lyon = RelayScoring.profile(5000.0, 20.0, 0.0, null, 0, false, "lyon");
        t.attach("p1", paris);
        t.attach("l1", lyon);
        assertEquals("p1", t.attach("p2", paris));
        assertEquals("l1", t.attach("l2", lyon));
        assertEquals("p1", t.attach("p3", paris));
    }

    @Test
    void aNewBroadcasterSessionTakesTheRoot() {
        RelayTree t = new RelayTree("b1", 2);
        t.attach("v1", GOOD);
        t.replaceRoot("b2");
        assertEquals("b2", t.parentOf("v1").orElseThrow());
        assertEquals(List.of("v1"), t.childrenOf("b2"));
    }

    /** Every viewer reaches the root, nobody twice (no cycle), nobody over fan-out unless the tree is full. */
    private static void assertValid(RelayTree t, int viewers, int fanout) {
        assertEquals(viewers, t.size());
        Set<String> seen = new HashSet<>();
        for (RelayTree.NodeView n : t.snapshot()) {
            assertTrue(seen.add(n.id()), "visited twice: " + n.id());
            if (!n.id().equals(t.root())) {
                assertTrue(n.parent() != null, "orphan " + n.id());
                assertTrue(t.childrenOf(n.parent()).contains(n.id()));
            }
        }
        assertEquals(viewers + 1, seen.size(), "all reachable from the root");
    }

    /** A cluster node carries on with a tree another node saved: the same edges, and the same next placement. */
    @Test
    void aRestoredTreeHasTheSameEdgesAndPlacesTheNextViewerAlike() {
        RelayTree t = new RelayTree("b", 2);
        for (int i = 0; i < 9; i++) {
            t.attach("v" + i, new Profile(i % 3, i != 4, i % 2 == 0 ? "hq" : null));
        }
        t.detach("v1");
        RelayTree copy = RelayTree.restore(2, t.snapshot());
        assertEquals(t.snapshot(), copy.snapshot());
        assertEquals(t.attach("late", new Profile(1, true, "hq")), copy.attach("late", new Profile(1, true, "hq")));
        assertEquals(t.snapshot(), copy.snapshot());
    }

    @Test
    void aStalledParentIsNeverHandedBackEvenWhenNoOtherSlotIsFree() {
        RelayTree t = new RelayTree("b", 1);
        t.attach("v1", GOOD);
        t.attach("v2", GOOD); // under v1: the broadcaster's one slot is taken
        RelayTree.Move m = t.reparent("v2").orElseThrow();
        assertEquals("v1", m.previous());
        assertEquals("b", m.parent(), "the broadcaster, over its fanout, rather than the parent reported stalled");
        RelayTree.Move again = t.reparent("v2").orElseThrow();
        assertEquals("b", again.previous());
        assertNotEquals(again.previous(), again.parent(), "a second report moves it again, away from the broadcaster");
    }
}
