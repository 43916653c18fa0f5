package io.relaycast.interfaces.security;

/** Application roles; server.xml binds them to registry groups. */
public final class Roles {

    /** Staff who may create and run streams. */
    public static final String BROADCASTER = "broadcaster";
    public static final String VIEWER = "viewer";
    /** May moderate every stream's chat. */
    public static final String MODERATOR = "moderator";
    /** Server-wide webhooks; moderates too. */
    public static final String ADMIN = "admin";
    /** Any authenticated user (bound to ALL_AUTHENTICATED_USERS). */
    public static final String USER = "user";

    private Roles() {
    }
}
