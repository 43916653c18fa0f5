package io.relaycast.application.access;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The staff roles of users, as the container told the last request that authenticated them. A
 * WebSocket session has no role API of its own: its handshake filter records them here, so that
 * the signaling rules know a moderator (exempt from slow mode) when it chats.
 */
@ApplicationScoped
public class StaffRoles {

    private record Roles(boolean moderator, boolean admin) {
    }

    private final Map<String, Roles> byUser = new ConcurrentHashMap<>();

    public void observe(String userId, boolean moderator, boolean admin) {
        if (userId == null) {
            return;
        }
        if (!moderator && !admin) {
            byUser.remove(userId);
        } else {
            byUser.put(userId, new Roles(moderator, admin));
        }
    }

    public Actor actor(String userId) {
        Roles r = userId == null ? null : byUser.get(userId);
        return r == null ? Actor.user(userId) : new Actor(userId, r.moderator(), r.admin());
    }
}
