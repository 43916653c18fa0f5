package io.relaycast.interfaces.security;

import io.relaycast.interfaces.http.CallerRoles;
import io.relaycast.application.access.Actor;
import io.relaycast.interfaces.http.Challenges;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.Optional;

/**
 * Who is calling, as the container authenticated them. Missing credentials are a 401 with a
 * challenge (see {@link Challenges}); a signed-in user without the role is a 403.
 */
public final class Caller {

    private Caller() {
    }

    public static Optional<String> id(SecurityContext sc) {
        return Optional.ofNullable(sc.getUserPrincipal()).map(Principal::getName);
    }

    public static String requireAuthenticated(SecurityContext sc) {
        return id(sc).orElseThrow(() -> new NotAuthorizedException("Sign in to do this.", Challenges.BASIC));
    }

    /** The signed-in caller with the staff roles the rules need (401 without credentials). */
    public static Actor actor(SecurityContext sc) {
        return new Actor(requireAuthenticated(sc), CallerRoles.has(sc::isUserInRole, Roles.MODERATOR),
                CallerRoles.has(sc::isUserInRole, Roles.ADMIN));
    }

    /** {@link #actor}, or null for an anonymous caller (where anyone may read, staff see more). */
    public static Actor actorOrNull(SecurityContext sc) {
        return sc.getUserPrincipal() == null ? null : actor(sc);
    }

    public static String requireRole(SecurityContext sc, String role) {
        String id = requireAuthenticated(sc);
        if (!CallerRoles.has(sc::isUserInRole, role)) {
            throw new ForbiddenException("This needs the '" + role + "' role.");
        }
        return id;
    }
}
