package io.relaycast.domain.model.access;

import java.util.Set;

/**
 * Who asks to watch, as the adapter authenticated them: a user id (null when anonymous), the
 * groups the identity provider or registry puts them in, whether they are an admin, and the
 * invite token they came with (null when none).
 */
public record Watcher(String userId, Set<String> groups, boolean admin, String invite) {

    public Watcher {
        groups = groups == null ? Set.of() : Set.copyOf(groups);
    }

    public static Watcher anonymous() {
        return new Watcher(null, Set.of(), false, null);
    }

    public boolean signedIn() {
        return userId != null;
    }

    /** The identity an invite's use is counted for: the user, else the guest identity the adapter gave. */
    public Watcher withInvite(String token) {
        return new Watcher(userId, groups, admin, token);
    }
}
