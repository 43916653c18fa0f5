package io.relaycast.interfaces.web;

import io.relaycast.application.access.StaffRoles;
import io.relaycast.interfaces.http.AllowedOrigins;
import io.relaycast.interfaces.http.AddressText;
import io.relaycast.interfaces.http.HttpProblem;
import io.relaycast.interfaces.http.SecurityHeaders;
import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Before a signaling handshake: a browser page of another origin may not open a socket that
 * carries this user's cookie (cross-site WebSocket hijacking) — 403. Every answer but the 101
 * gets the security headers.
 */
@WebFilter(urlPatterns = "/*", dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR})
public class HandshakeFilter extends HttpFilter {

    @Inject
    AllowedOrigins origins;

    @Inject
    StaffRoles roles;

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        boolean upgrade = "websocket".equalsIgnoreCase(req.getHeader("Upgrade"));
        // A 101 carries no document for those headers to protect, and Liberty keeps an upgraded
        // connection's response headers for the socket's life (memory per socket); refusals are
        // problems, which carry them (HttpProblem).
        if (upgrade ? res.isCommitted() : !SecurityHeaders.applyUnlessAnswered(res)) {
            return;
        }
        if (req.getDispatcherType() == DispatcherType.REQUEST
                && !origins.allows(req.getHeader("Origin"), req.getHeader("Host"))) {
            HttpProblem.send(req, res, 403, "Signaling from this web origin is not allowed (see ALLOWED_ORIGINS).");
            return;
        }
        if (req.getDispatcherType() == DispatcherType.REQUEST
                && AddressText.forbidden(req.getRequestURI(), req.getQueryString())) {
            HttpProblem.send(req, res, 400, "The address holds control characters or bidirectional overrides.");
            return;
        }
        if (req.getUserPrincipal() != null) {
            // The socket will not be able to ask: its chat rules need to know a moderator.
            roles.observe(req.getUserPrincipal().getName(), req.isUserInRole("moderator"), req.isUserInRole("admin"));
        }
        chain.doFilter(upgrade ? new NoNewSession(req) : req, res);
    }

    /**
     * The container asks every handshake for an HTTP session, creating one per socket; signaling
     * keeps no state there, so a socket gets the session its cookie names, or none (memory and CPU
     * per connection: see docs/performance.md).
     */
    static final class NoNewSession extends HttpServletRequestWrapper {

        NoNewSession(HttpServletRequest request) {
            super(request);
        }

        @Override
        public HttpSession getSession() {
            return getSession(false);
        }
    }
}
