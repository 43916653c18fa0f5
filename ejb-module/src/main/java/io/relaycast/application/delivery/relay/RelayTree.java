package io.relaycast.application.delivery.relay;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The relay tree of one stream: who feeds whom. The broadcaster is the root; each node feeds at
 * most {@code fanout} children. A joining viewer gets the shallowest node with a free slot (so the
 * depth stays about log_fanout(N)), preferring one of its own site (an office keeps its branch)
 * and then the better scored; viewers that cannot relay (opted out, weak upload, lossy) are only
 * ever leaves. When a node leaves, each of its children moves with its own subtree to a new
 * parent outside that subtree (no cycles, nobody left without a parent). Not thread-safe: the
 * room's lock serializes it. Identities are plain strings (peer ids) so that it stays a value.
 */
public final class RelayTree {

    /** What placement needs to know of a viewer (see {@link RelayScoring}). */
    public record Profile(double score, boolean canRelay, String site) {
        public static final Profile UNKNOWN = new Profile(0, true, null);
    }

    /** A viewer to be fed by {@code parent} from now on, instead of {@code previous} (null: new). */
    public record Move(String child, String parent, String previous) {
    }

    /** A node as the topology shows it. */
    public record NodeView(String id, String parent, int depth, double score, boolean canRelay, String site,
                           List<String> children) {
    }

    private final int fanout;
    private final Map<String, TreeNode> nodes = new LinkedHashMap<>();
    private TreeNode root;

    public RelayTree(String rootId, int fanout) {
        if (fanout < 1) {
            throw new IllegalArgumentException("fanout " + fanout);
        }
        this.fanout = fanout;
        this.root = new TreeNode(rootId, new Profile(Double.MAX_VALUE, true, null));
        nodes.put(rootId, root);
    }

    /**
     * The tree a {@link #snapshot()} was taken of (its nodes root first, breadth first), so that
     * another server of a cluster can carry on with it.
     */
    public static RelayTree restore(int fanout, List<NodeView> views) {
        RelayTree tree = new RelayTree(views.get(0).id(), fanout);
        for (NodeView v : views.subList(1, views.size())) {
            TreeNode n = new TreeNode(v.id(), new Profile(v.score(), v.canRelay(), v.site()));
            tree.nodes.put(v.id(), n);
            tree.link(n, tree.nodes.get(v.parent()));
        }
        return tree;
    }

    public int fanout() {
        return fanout;
    }

    public String root() {
        return root.id;
    }

    public int size() {
        return nodes.size() - 1;
    }

    /** A new broadcaster session takes the root's place; the tree below stays. */
    public void replaceRoot(String newRootId) {
        nodes.remove(root.id);
        TreeNode r = new TreeNode(newRootId, root.profile);
        r.children.addAll(root.children);
        r.children.forEach(c -> c.parent = r);
        root = r;
        nodes.put(newRootId, r);
    }

    /** Places a new viewer; returns its parent. */
    public String attach(String viewerId, Profile profile) {
        if (nodes.containsKey(viewerId)) {
            return nodes.get(viewerId).parent.id;
        }
        TreeNode n = new TreeNode(viewerId, profile);
        nodes.put(viewerId, n);
        TreeNode parent = chooseParent(n, Set.of(n));
        link(n, parent);
        return parent.id;
    }

    /**
     * Removes a viewer. Its best child able to relay takes its place and feeds its siblings (as
     * far as its slots go), so the tree keeps its depth; the others move to the shallowest free slots.
     */
    public List<Move> detach(String viewerId) {
        TreeNode n = nodes.get(viewerId);
        if (n == null || n == root) {
            return List.of();
        }
        TreeNode parent = n.parent;
        TreeNode.unlink(n);
        nodes.remove(viewerId);
        List<TreeNode> orphans = List.copyOf(n.children);
        n.children.clear();
        orphans.forEach(o -> o.parent = null);
        return promote(orphans, parent, viewerId);
    }

    /** The viewer lost its parent (its video stalled): a new parent, not the old one if there is another. */
    public Optional<Move> reparent(String viewerId) {
        TreeNode n = nodes.get(viewerId);
        if (n == null || n == root) {
            return Optional.empty();
        }
        TreeNode old = n.parent;
        TreeNode.unlink(n);
        Set<TreeNode> excluded = TreeNode.subtree(n);
        TreeNode parent = chooseParent(n, excluded, old);
        link(n, parent);
        return Optional.of(new Move(viewerId, parent.id, old.id));
    }

    /**
     * New measurements. A viewer that can no longer relay becomes a leaf: its best child takes its
     * place (feeding its siblings and, as a leaf, the weakened viewer), the depth stays as it was.
     */
    public List<Move> update(String viewerId, Profile profile) {
        TreeNode n = nodes.get(viewerId);
        if (n == null || n == root) {
            return List.of();
        }
        n.profile = profile;
        if (profile.canRelay() || n.children.isEmpty()) {
            return List.of();
        }
        TreeNode parent = n.parent;
        TreeNode.unlink(n);
        List<TreeNode> kids = List.copyOf(n.children);
        n.children.clear();
        kids.forEach(k -> k.parent = null);
        List<Move> moves = new ArrayList<>(promote(kids, parent, viewerId));
        TreeNode heir = kids.stream().filter(k -> k.parent == parent).findFirst().orElse(null);
        TreeNode home = heir != null && canFeed(heir) ? heir : chooseParent(n, Set.of(n));
        link(n, home);
        moves.add(new Move(viewerId, home.id, parent.id));
        return moves;
    }

    /**
     * Fills the slot a viewer freed under {@code parent} without making the tree deeper: an orphan
     * that can relay and feeds nobody yet takes it and feeds its siblings; else a leaf from
     * elsewhere that can relay moves up into it and feeds all of them (one viewer moves, the depth
     * stays); else the orphans go to the shallowest free slots.
     */
    private List<Move> promote(List<TreeNode> orphans, TreeNode parent, String previous) {
        List<Move> moves = new ArrayList<>();
        if (orphans.isEmpty()) {
            return moves;
        }
        Comparator<TreeNode> better = Comparator.comparingDouble(o -> -o.profile.score());
        TreeNode heir = orphans.stream().filter(o -> o.profile.canRelay() && o.children.isEmpty()).min(better).orElse(null);
        if (heir == null && parent != null && canFeed(parent)) {
            Set<TreeNode> moving = new HashSet<>();
            orphans.forEach(o -> moving.addAll(TreeNode.subtree(o)));
            TreeNode leaf = nodes.values().stream()
                    .filter(c -> c != root && c.children.isEmpty() && c.profile.canRelay() && c.parent != null
                            && !moving.contains(c))
                    .max(Comparator.<TreeNode>comparingInt(c -> c.depth).thenComparing(c -> c.profile.score()))
                    .orElse(null);
            if (leaf != null) {
                String from = leaf.parent.id;
                TreeNode.unlink(leaf);
                link(leaf, parent);
                moves.add(new Move(leaf.id, parent.id, from));
                for (TreeNode o : orphans) {
                    link(o, leaf);
                    moves.add(new Move(o.id, leaf.id, previous));
                }
                return moves;
            }
        }
        if (heir != null && parent != null && canFeed(parent)) {
            link(heir, parent);
            moves.add(new Move(heir.id, parent.id, previous));
        } else {
            heir = null;
        }
        for (TreeNode o : orphans) {
            if (o == heir) {
                continue;
            }
            if (heir != null && canFeed(heir)) {
                link(o, heir);
                moves.add(new Move(o.id, heir.id, previous));
            } else {
                moves.add(place(o, previous));
            }
        }
        return moves;
    }

    public Optional<String> parentOf(String id) {
        TreeNode n = nodes.get(id);
        return n == null || n.parent == null ? Optional.empty() : Optional.of(n.parent.id);
    }

    public List<String> childrenOf(String id) {
        TreeNode n = nodes.get(id);
        return n == null ? List.of() : n.children.stream().map(c -> c.id).toList();
    }

    /** One feeds the other (either way): the only pairs that may signal each other. */
    public boolean linked(String a, String b) {
        TreeNode x = nodes.get(a);
        TreeNode y = nodes.get(b);
        return x != null && y != null && (x.parent == y || y.parent == x);
    }

    public int maxDepth() {
        return nodes.values().stream().mapToInt(n -> n.depth).max().orElse(0);
    }

    /** Every node from the root down, breadth first. */
    public List<NodeView> snapshot() {
        List<NodeView> out = new ArrayList<>();
        Deque<TreeNode> queue = new ArrayDeque<>(List.of(root));
        while (!queue.isEmpty()) {
            TreeNode n = queue.poll();
            out.add(new NodeView(n.id, n.parent == null ? null : n.parent.id, n.depth,
                    n == root ? 0 : n.profile.score(), n.profile.canRelay(), n.profile.site(),
                    n.children.stream().map(c -> c.id).toList()));
            queue.addAll(n.children);
        }
        return out;
    }

    private Move place(TreeNode orphan, String previous) {
        TreeNode parent = chooseParent(orphan, TreeNode.subtree(orphan));
        link(orphan, parent);
        return new Move(orphan.id, parent.id, previous);
    }

    private TreeNode chooseParent(TreeNode n, Set<TreeNode> excluded) {
        return chooseParent(n, excluded, null);
    }

    /**
     * The shallowest node with a free slot outside {@code excluded}; among those (and one level
     * deeper) one of the viewer's site first, then the best scored. Never {@code avoid} (a parent
     * the viewer reported stalled: handing it back would let one relay starve it): the root if no
     * other node has a slot left (it then feeds more than fanout).
     */
    private TreeNode chooseParent(TreeNode n, Set<TreeNode> excluded, TreeNode avoid) {
        List<TreeNode> free = nodes.values().stream()
                .filter(c -> !excluded.contains(c) && c != avoid && canFeed(c))
                .toList();
        if (free.isEmpty()) {
            return root;
        }
        int shallowest = free.stream().mapToInt(c -> c.depth).min().orElse(0);
        String site = n.profile.site();
        Comparator<TreeNode> best = Comparator.<TreeNode>comparingInt(c -> c.depth)
                .thenComparing(c -> -c.profile.score());
        if (site != null) {
            Optional<TreeNode> local = free.stream().filter(c -> c.depth <= shallowest + 1 && site.equals(c.profile.site()))
                    .min(best);
            if (local.isPresent()) {
                return local.get();
            }
        }
        return free.stream().min(best).orElse(root);
    }

    private boolean canFeed(TreeNode c) {
        return c.children.size() < fanout && (c == root || c.profile.canRelay());
    }

    private void link(TreeNode child, TreeNode parent) {
        child.parent = parent;
        parent.children.add(child);
        TreeNode.setDepth(child, parent.depth + 1);
    }

    @Override
    public String toString() {
        return "RelayTree[root=" + root.id + ", viewers=" + size() + ", fanout=" + fanout + "]";
    }
}
