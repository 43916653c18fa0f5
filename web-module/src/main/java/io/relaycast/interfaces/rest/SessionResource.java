package io.relaycast.interfaces.rest;

import io.relaycast.interfaces.http.CallerRoles;
import io.relaycast.interfaces.rest.dto.ProblemDetail;
import io.relaycast.interfaces.security.Caller;
import io.relaycast.interfaces.security.Roles;
import io.relaycast.interfaces.security.SignOut;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Browser sign-in for the console: the sign-in form sends the user's credentials here once (HTTP
 * Basic, checked by the container against the same registry as the API); the container answers
 * with its HttpOnly SSO cookie, which then authenticates API calls and WebSocket handshakes.
 */
@Path("/session")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Session", description = "Console sign-in and sign-out (cookie session)")
public class SessionResource {

    @Context
    HttpServletRequest request;

    @Context
    SecurityContext security;

    @Inject
    SignOut signOut;

    @Schema(name = "Me")
    public record Me(boolean authenticated, String userId, List<String> roles) {
    }

    @GET
    @Operation(summary = "Who am I (anonymous callers get authenticated=false)")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = Me.class)))
    public Me me() {
        return Caller.id(security).map(id -> {
            List<String> roles = new ArrayList<>();
            for (String r : List.of(Roles.BROADCASTER, Roles.VIEWER, Roles.MODERATOR, Roles.ADMIN)) {
                if (CallerRoles.has(security::isUserInRole, r)) {
                    roles.add(r);
                }
            }
            return new Me(true, id, roles);
        }).orElse(new Me(false, null, List.of()));
    }

    @POST
    @Operation(summary = "Sign in: send the user's credentials with HTTP Basic once; the response sets the "
            + "session cookie that authenticates later page, API and WebSocket requests")
    @APIResponse(responseCode = "200", description = "Signed in", content = @Content(schema = @Schema(implementation = Me.class)))
    @APIResponse(responseCode = "401", description = "No or wrong credentials", content = @Content(
            mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
    @Consumes(MediaType.WILDCARD)
    public Me signIn() {
        Caller.requireAuthenticated(security);
        return me();
    }

    @DELETE
    @Operation(summary = "Sign out; clears the session cookie")
    @APIResponse(responseCode = "204", description = "Signed out")
    public void signOut() throws ServletException {
        signOut.of(request);
    }
}
