package io.relaycast.application.delivery.relay;

import io.relaycast.application.routing.Participant;
import io.relaycast.application.routing.RoomRouter;
import io.relaycast.application.signaling.protocol.PeerId;
import io.relaycast.application.signaling.protocol.SignalEvent;
import io.relaycast.application.signaling.protocol.SignalingException;
import io.relaycast.domain.model.stream.StreamId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * Where a relay tree mends: a relay that left has its children re-parented at once, a viewer whose
 * video stalled gets another parent, and every move is told to the nodes it concerns. Every call
 * runs under the room's lock.
 */
@ApplicationScoped
public class RelayRepair {

    private RoomRouter router;
    private RelayTrees trees;
    private RelayMetrics metrics;
    private final StallReports stalls = new StallReports(System::nanoTime);

    /** For the container's proxy. */
    protected RelayRepair() {
    }

    @Inject
    public RelayRepair(RoomRouter router, RelayTrees trees, RelayMetrics metrics) {
        this.router = router;
        this.trees = trees;
        this.metrics = metrics;
    }

    /** A viewer left: its children are re-parented now. (A broadcaster's place waits for its return.) */
    void left(Participant p) {
        if (p.isBroadcaster()) {
            return;
        }
        Optional<RelayTree> tree = trees.find(p.streamId());
        if (tree.isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        String id = p.peerId().value();
        Optional<String> parent = tree.get().parentOf(id);
        List<RelayTree.Move> moves = tree.get().detach(id);
        trees.saved(p.streamId(), tree.get());
        parent.flatMap(x -> router.find(p.streamId(), new PeerId(x)))
                .ifPresent(x -> x.send(new SignalEvent.RelayChildRemoved(p.peerId())));
        moves.forEach(m -> move(p.streamId(), tree.get(), m));
        if (!moves.isEmpty()) {
            metrics.repaired(moves.size(), System.nanoTime() - start);
        }
    }

    /**
     * {@code relay:lost-parent}: the viewer's video stalled; another parent, at once. When enough of
     * a relay's children say so, the relay stops relaying, whatever its own stats claim.
     */
    void lostParent(Participant viewer, RelayTree tree) {
        if (viewer.isBroadcaster()) {
            throw new SignalingException("forbidden", "relay:lost-parent is for viewers of a relay stream.");
        }
        String self = viewer.peerId().value();
        String reported = tree.parentOf(self).orElse(null);
        if (reported != null && !reported.equals(tree.root()) && stalls.report(viewer.streamId(), reported, self)) {
            demote(viewer.streamId(), tree, reported);
            if (!tree.parentOf(self).map(reported::equals).orElse(false)) {
                return; // the demotion already gave it another parent
            }
        }
        tree.reparent(self).ifPresent(m -> {
            trees.saved(viewer.streamId(), tree);
            move(viewer.streamId(), tree, m);
            metrics.repaired(1, 0);
        });
    }

    /** Whether a relay's children overrule its own claims (see {@link StallReports}). */
    boolean distrusted(StreamId room, String node) {
        return stalls.distrusted(room, node);
    }

    void forget(StreamId room) {
        stalls.forget(room);
    }

    /** The relay becomes a leaf: its children move (the stalled ones with the rest). */
    private void demote(StreamId room, RelayTree tree, String relay) {
        RelayTree.NodeView node = tree.snapshot().stream().filter(v -> v.id().equals(relay)).findFirst().orElse(null);
        if (node == null) {
            return;
        }
        List<RelayTree.Move> moves = tree.update(relay, new RelayTree.Profile(node.score(), false, node.site()));
        trees.saved(room, tree);
        moves.forEach(m -> move(room, tree, m));
        metrics.repaired(moves.size(), 0);
    }

    /**
     * A viewer changes parent: whoever fed it stops (a relay that left is gone anyway; a leaf moved up
     * by a repair leaves a parent that is still there), then the move is told.
     */
    void move(StreamId room, RelayTree tree, RelayTree.Move m) {
        if (m.previous() != null && !m.previous().equals(m.parent())) {
            router.find(room, new PeerId(m.previous()))
                    .ifPresent(old -> old.send(new SignalEvent.RelayChildRemoved(new PeerId(m.child()))));
        }
        tell(room, tree, m);
    }

    /** The child learns its parent, the parent its new child; a parent not connected yet is told when it joins. */
    void tell(StreamId room, RelayTree tree, RelayTree.Move m) {
        Optional<Participant> parent = router.find(room, new PeerId(m.parent()));
        boolean toBroadcaster = m.parent().equals(tree.root());
        router.find(room, new PeerId(m.child())).ifPresent(c -> c.send(new SignalEvent.RelayParent(new PeerId(m.parent()),
                toBroadcaster)));
        parent.ifPresent(x -> x.send(new SignalEvent.RelayChild(new PeerId(m.child()))));
    }
}
