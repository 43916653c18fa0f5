package io.relaycast.application.delivery.relay;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A node of a {@link RelayTree}: a viewer (or the broadcaster at the root) and whom it feeds. */
final class TreeNode {

    final String id;
    TreeNode parent;
    final List<TreeNode> children = new ArrayList<>();
    int depth;
    RelayTree.Profile profile;

    TreeNode(String id, RelayTree.Profile profile) {
        this.id = id;
        this.profile = profile;
    }

    static void unlink(TreeNode n) {
        if (n.parent != null) {
            n.parent.children.remove(n);
            n.parent = null;
        }
    }

    static void setDepth(TreeNode n, int depth) {
        n.depth = depth;
        for (TreeNode c : n.children) {
            setDepth(c, depth + 1);
        }
    }

    static Set<TreeNode> subtree(TreeNode n) {
        Set<TreeNode> s = new HashSet<>();
        Deque<TreeNode> stack = new ArrayDeque<>(List.of(n));
        while (!stack.isEmpty()) {
            TreeNode x = stack.pop();
            if (s.add(x)) {
                stack.addAll(x.children);
            }
        }
        return s;
    }
}
