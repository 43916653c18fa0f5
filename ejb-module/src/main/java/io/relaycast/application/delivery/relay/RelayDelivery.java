package io.relaycast.application.delivery.relay;

import io.relaycast.application.delivery.Delivery;
import io.relaycast.application.routing.Participant;
import io.relaycast.application.routing.RoomLocks;
import io.relaycast.application.routing.RoomRouter;
import io.relaycast.application.signaling.protocol.PeerId;
import io.relaycast.application.signaling.protocol.SignalCommand;
import io.relaycast.application.signaling.protocol.SignalEvent;
import io.relaycast.application.signaling.protocol.SignalingException;
import io.relaycast.domain.model.stream.DeliveryMode;
import io.relaycast.domain.model.stream.StreamId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Relay delivery: viewers pass the stream on to other viewers down a tree the server decides
 * ({@link RelayTree}). The server tells each node whom to feed ({@code relay:child}) and each viewer
 * who feeds it ({@code relay:parent}); offers, answers and candidates then flow only between linked
 * nodes. A relay that leaves, or a viewer whose video stalls, is mended by {@link RelayRepair}.
 * Tree work runs under the room's lock: the room rules hold it for joins and leaves, and the
 * entry points of messages ({@link #addressee}, {@link #measured}, {@link #lostParent}) take it here.
 */
@ApplicationScoped
public class RelayDelivery implements Delivery {

    private RoomRouter router;
    private RoomLocks locks;
    private RelayTrees trees;
    private RelayRepair repair;

    /** For the container's proxy. */
    protected RelayDelivery() {
    }

    @Inject
    public RelayDelivery(RoomRouter router, RoomLocks locks, RelayTrees trees, RelayRepair repair) {
        this.router = router;
        this.locks = locks;
        this.trees = trees;
        this.repair = repair;
    }

    @Override
    public DeliveryMode mode() {
        return DeliveryMode.RELAY;
    }

    /** An admitted viewer of a relay stream gets its place in the tree. */
    @Override
    public void viewerReady(Participant viewer) {
        if (!viewer.isAdmittedViewer()) {
            return;
        }
        RelayTree tree = tree(viewer.streamId());
        SignalCommand.RelayPrefs prefs = viewer.relayPrefs();
        String parent = tree.attach(viewer.peerId().value(), RelayScoring.profile(null, null, null, null, 0,
                prefs.leafOnly(), prefs.site()));
        trees.saved(viewer.streamId(), tree);
        repair.tell(viewer.streamId(), tree, new RelayTree.Move(viewer.peerId().value(), parent, null));
    }

    /** A broadcaster session (new or returning) takes the root and feeds its children. */
    @Override
    public void broadcasterJoined(Participant b) {
        RelayTree tree = tree(b.streamId());
        tree.replaceRoot(b.peerId().value());
        trees.saved(b.streamId(), tree);
        for (String child : tree.childrenOf(b.peerId().value())) {
            b.send(new SignalEvent.RelayChild(new PeerId(child)));
            router.find(b.streamId(), new PeerId(child)).ifPresent(c -> c.send(new SignalEvent.RelayParent(b.peerId(), true)));
        }
    }

    @Override
    public void left(Participant p) {
        repair.left(p);
    }

    @Override
    public void lostParent(Participant viewer) {
        locks.inRoom(viewer.streamId(), () -> repair.lostParent(viewer, tree(viewer.streamId())));
    }

    /** New measurements from the viewer's page: its score, and whether it may still relay. */
    @Override
    public void measured(Participant viewer, SignalCommand.Stats s) {
        if (viewer.isBroadcaster()) {
            return;
        }
        locks.inRoom(viewer.streamId(), () -> {
            SignalCommand.RelayPrefs prefs = viewer.relayPrefs();
            RelayTree tree = tree(viewer.streamId());
            // children that reported this relay stalled outweigh what it says of itself
            boolean overruled = repair.distrusted(viewer.streamId(), viewer.peerId().value());
            List<RelayTree.Move> moves = tree.update(viewer.peerId().value(), RelayScoring.profile(s.uploadKbps(),
                    s.rttMs(), s.lossPercent(), s.cpu(), viewer.watchedSeconds(), prefs.leafOnly() || overruled,
                    prefs.site()));
            if (!moves.isEmpty()) { // a score alone is not worth a save on a cluster: the next change carries it
                trees.saved(viewer.streamId(), tree);
            }
            moves.forEach(m -> repair.move(viewer.streamId(), tree, m));
        });
    }

    /**
     * Who a relayed offer, answer or candidate may go to: only along a tree edge — offers down to a
     * child, answers up to the parent, candidates either way. A viewer that names nobody addresses its parent.
     */
    @Override
    public Participant addressee(Participant from, SignalCommand.Relay msg) {
        return locks.inRoom(from.streamId(), () -> addresseeInTree(from, msg));
    }

    private Participant addresseeInTree(Participant from, SignalCommand.Relay msg) {
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

    /** The relay tree of a stream, root first (empty unless its delivery is relay and viewers joined). */
    public List<RelayTree.NodeView> topology(StreamId streamId) {
        return locks.inRoom(streamId, () -> trees.find(streamId).map(RelayTree::snapshot).orElse(List.of()));
    }

    @Override
    public void roomClosed(StreamId streamId) {
        locks.inRoom(streamId, () -> {
            trees.forget(streamId);
            repair.forget(streamId);
        });
    }

    private RelayTree tree(StreamId room) {
        return trees.of(room, () -> router.broadcaster(room).map(b -> b.peerId().value()).orElse("broadcaster"));
    }
}
