package io.relaycast.interfaces.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.BasicAuthenticationMechanismDefinition;

/**
 * Credentials on the WebSocket handshake (HTTP Basic, same registry as the API) give the session
 * a signed-in identity; without them it is anonymous. The socket never trusts identities in messages.
 */
@BasicAuthenticationMechanismDefinition(realmName = "relaycast")
@ApplicationScoped
public class SignalingSecurity {
}
