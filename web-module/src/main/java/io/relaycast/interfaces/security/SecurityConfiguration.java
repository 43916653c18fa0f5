package io.relaycast.interfaces.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.BasicAuthenticationMechanismDefinition;

/**
 * HTTP Basic for the API, checked against the server's user registry (liberty-config/server.xml:
 * demo users by default, LDAP or another registry in production).
 */
@BasicAuthenticationMechanismDefinition(realmName = "relaycast")
@DeclareRoles({Roles.BROADCASTER, Roles.VIEWER, Roles.USER, Roles.MODERATOR, Roles.ADMIN})
@ApplicationScoped
public class SecurityConfiguration {
}
