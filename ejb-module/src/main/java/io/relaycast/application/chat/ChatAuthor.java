package io.relaycast.application.chat;

/**
 * Who writes a chat line. Signed-in users by their id; anonymous viewers (where a stream allows
 * them) as a guest name the server derives from their session, never one they choose.
 */
public record ChatAuthor(String userId, String displayName, boolean signedIn, boolean moderator) {

    public static ChatAuthor signedIn(String userId, boolean moderator) {
        return new ChatAuthor(userId, userId, true, moderator);
    }

    public static ChatAuthor guest(String sessionId) {
        String name = "guest-" + sessionId.replace("-", "").substring(0, Math.min(8, sessionId.length()));
        return new ChatAuthor(name, name, false, false);
    }
}
