package io.relaycast.application.signaling;

import io.relaycast.application.relay.RelayScoring;
import io.relaycast.application.relay.RelayTree;
import io.relaycast.domain.model.DeliveryMode;
import io.relaycast.domain.model.StreamId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * Relay delivery: viewers pass the stream on to other viewers down a tree the server decides
 * ({@link RelayTree}). The server tells each node whom to feed ({@code relay:child}) and each viewer
 * who feeds it ({@code relay:parent}); offers, answers and candidates then flow only between linked
 * nodes. A relay that leaves, or a viewer whose video stalls, is repaired at once. Every call runs
 * under the room's lock.
 */
@ApplicationScoped
public class RelayDelivery {

    @Inject
    RoomRouter router;

    @Inject
    RelayTrees trees;

    @Inject
    RelayRepairs repairs;

    /** An admitted viewer of a relay stream gets its place in the tree. */
    public void viewerReady(Participant viewer) {
        if (viewer.delivery() != DeliveryMode.RELAY || !viewer.isAdmittedViewer()) {
            return;
        }
        RelayTree tree = tree(viewer.streamId());
        SignalCommand.RelayPrefs prefs = viewer.relayPrefs();
        String parent = tree.attach(viewer.peerId().value(), RelayScoring.profile(null, null, null, null, 0,
                prefs.leafOnly(), prefs.site()));
        trees.saved(viewer.streamId(), tree);
        tell(viewer.streamId(), tree, new RelayTree.Move(viewer.peerId().value(), parent, null));
    }

    /** A broadcaster session (new or returning) takes the root and feeds its children. */
    public void broadcasterJoined(Participant b) {
        if (b.delivery() != DeliveryMode.RELAY) {
            return;
        }
        RelayTree tree = tree(b.streamId());
        tree.replaceRoot(b.peerId().value());
        trees.saved(b.streamId(), tree);
        for (String child : tree.childrenOf(b.peerId().value())) {
            b.send(new SignalEvent.RelayChild(new PeerId(child)));
            router.find(b.streamId(), new PeerId(child)).ifPresent(c -> c.send(new SignalEvent.RelayParent(b.peerId(), true)));
        }
    }

    /** A viewer left: its children are re-parented now. (A broadcaster's place waits for its return.) */
    public void left(Participant p) {
        if (p.delivery() != DeliveryMode.RELAY || p.isBroadcaster()) {
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
            repairs.repaired(moves.size(), System.nanoTime() - start);
        }
    }

    /** {@code relay:lost-parent}: the viewer's video stalled; another parent, at once. */
    public void lostParent(Participant viewer) {
        requireRelayViewer(viewer);
        RelayTree tree = tree(viewer.streamId());
        tree.reparent(viewer.peerId().value()).ifPresent(m -> {
            trees.saved(viewer.streamId(), tree);
            move(viewer.streamId(), tree, m);
            repairs.repaired(1, 0);
        });
    }

    /** New measurements from the viewer's page: its score, and whether it may still relay. */
    public void measured(Participant viewer, SignalCommand.Stats s) {
        if (viewer.delivery() != DeliveryMode.RELAY || viewer.isBroadcaster()) {
            return;
        }
        SignalCommand.RelayPrefs prefs = viewer.relayPrefs();
        RelayTree tree = tree(viewer.streamId());
        List<RelayTree.Move> moves = tree.update(viewer.peerId().value(), RelayScoring.profile(s.uploadKbps(),
                s.rttMs(), s.lossPercent(), s.cpu(), viewer.watchedSeconds(), prefs.leafOnly(), prefs.site()));
        if (!moves.isEmpty()) { // a score alone is not worth a save on a cluster: the next change carries it
            trees.saved(viewer.streamId(), tree);
        }
        moves.forEach(m -> move(viewer.streamId(), tree, m));
    }

    /**
     * Who a relayed offer, answer or candidate may go to: only along a tree edge — offers down to a
     * child, answers up to the parent, candidates either way. A viewer that names nobody addresses its parent.
     */
    public Participant addressee(Participant from, SignalCommand.Relay msg) {
        RelayTree tree = tree(from.streamId());
        String self = from.peerId().value();
        String to = msg.to() != null ? msg.to().value() : tree.parentOf(self).orElse(null);
        if (to == null) {
            throw new SignalingException("unknown-peer", "You have no parent in the relay tree yet.");
        }
        boolean down = tree.parentOf(to).map(self::equals).orElse(false);
        boolean up = tree.parentOf(self).map(to::equals).orElse(false);
        boolean allowed = switch (msg.kind()) {
            case OFFER -> down;
            case ANSWER -> up;
            case CANDIDATE -> up || down;
        };
        if (!allowed) {
            throw new SignalingException("forbidden", "Relay delivery: offers go to your children, answers to "
                    + "your parent, candidates to either.");
        }
        return router.find(from.streamId(), new PeerId(to))
                .orElseThrow(() -> new SignalingException("unknown-peer", "No peer '" + to + "' in this room."));
    }

    public List<RelayTree.NodeView> topology(StreamId streamId) {
        return trees.find(streamId).map(RelayTree::snapshot).orElse(List.of());
    }

    public void roomClosed(StreamId streamId) {
        trees.forget(streamId);
    }

    private RelayTree tree(StreamId room) {
        return trees.of(room, () -> router.broadcaster(room).map(b -> b.peerId().value()).orElse("broadcaster"));
    }

    /**
     * A viewer changes parent: whoever fed it stops (a relay that left is gone anyway; a leaf moved up
     * by a repair leaves a parent that is still there), then the move is told.
     */
    private void move(StreamId room, RelayTree tree, RelayTree.Move m) {
        if (m.previous() != null && !m.previous().equals(m.parent())) {
            router.find(room, new PeerId(m.previous()))
                    .ifPresent(old -> old.send(new SignalEvent.RelayChildRemoved(new PeerId(m.child()))));
        }
        tell(room, tree, m);
    }

    /** The child learns its parent, the parent its new child; a parent not connected yet is told when it joins. */
    private void tell(StreamId room, RelayTree tree, RelayTree.Move m) {
        Optional<Participant> parent = router.find(room, new PeerId(m.parent()));
        boolean toBroadcaster = m.parent().equals(tree.root());
        router.find(room, new PeerId(m.child())).ifPresent(c -> c.send(new SignalEvent.RelayParent(new PeerId(m.parent()),
                toBroadcaster)));
        parent.ifPresent(x -> x.send(new SignalEvent.RelayChild(new PeerId(m.child()))));
    }

    private static void requireRelayViewer(Participant p) {
        if (p.delivery() != DeliveryMode.RELAY || p.isBroadcaster()) {
            throw new SignalingException("forbidden", "relay:lost-parent is for viewers of a relay stream.");
        }
    }
}
