package io.relaycast.application.access;

import io.relaycast.domain.model.stream.Livestream;

/**
 * Who asks, as the adapter authenticated them: a user id (null when anonymous) and whether they
 * hold the {@code moderator} role (every stream's chat) or the {@code admin} role (server-wide
 * webhooks; admins moderate too).
 */
public record Actor(String userId, boolean moderatorRole, boolean admin) {

    public static Actor user(String userId) {
        return new Actor(userId, false, false);
    }

    /** May moderate any stream's chat. */
    public boolean moderator() {
        return moderatorRole || admin;
    }

    /** Who manages the stream (its key, access and announcement): its owner or an admin. */
    public boolean managerOf(Livestream stream) {
        return stream.isOwnedBy(userId) || admin;
    }

    /** The stream's staff: its owner, a moderator or an admin (who run its chat, polls and Q&A). */
    public boolean staffOf(Livestream stream) {
        return stream.isOwnedBy(userId) || moderator();
    }
}
