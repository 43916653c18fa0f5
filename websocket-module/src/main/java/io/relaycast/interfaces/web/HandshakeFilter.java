package io.relaycast.interfaces.web;

import io.relaycast.interfaces.http.CallerRoles;
import io.relaycast.application.access.StaffRoles;
import io.relaycast.interfaces.http.AllowedOrigins;
import io.relaycast.interfaces.http.ClientAddresses;
import io.relaycast.interfaces.http.GuestIdentities;
import io.relaycast.interfaces.http.AddressText;
import io.relaycast.interfaces.http.HttpProblem;
import io.relaycast.interfaces.http.SecurityHeaders;
import io.relaycast.interfaces.http.SignedOutCookies;
import io.relaycast.interfaces.signaling.ClientAddress;
import io.relaycast.interfaces.signaling.SocketsPerAddress;
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
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

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
    SignedOutCookies signedOut;

    @Inject
    StaffRoles roles;

    @Inject
    SocketsPerAddress sockets;

    @Inject
    GuestIdentities guests;

    @Inject
    ClientAddresses addresses;

    @Inject
    WatchAtHandshake watch;

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        boolean upgrade = "websocket".equalsIgnoreCase(req.getHeader("Upgrade"));
        // A 101 carries no document for those headers to protect, and Liberty keeps an upgraded
        // connection's response headers for the socket's life (memory per socket); refusals are
        // problems, which carry them (HttpProblem).
        if (upgrade ? res.isCommitted() : !SecurityHeaders.applyUnlessAnswered(req, res)) {
            return;
        }
        if (req.getDispatcherType() == DispatcherType.REQUEST
                && !origins.allows(req.getHeader("Origin"), req.getHeader("Host"))) {
            HttpProblem.send(req, res, 403, "Signaling from this web origin is not allowed (see ALLOWED_ORIGINS).");
            return;
        }
        if (req.getDispatcherType() == DispatcherType.REQUEST && signedOut.signedOut(req)) {
            // signed out on another node: Liberty here still takes the cookie
            SignedOutCookies.clear(res);
            HttpProblem.send(req, res, 401, "This session was signed out; sign in again.");
            return;
        }
        if (req.getDispatcherType() == DispatcherType.REQUEST
                && AddressText.forbidden(req.getRequestURI(), req.getQueryString())) {
            HttpProblem.send(req, res, 400, "The address holds control characters or bidirectional overrides.");
            return;
        }
        if (req.getUserPrincipal() != null) {
            // The socket will not be able to ask: its chat rules need to know a moderator.
            roles.observe(req.getUserPrincipal().getName(), CallerRoles.has(req::isUserInRole, "moderator"),
                    CallerRoles.has(req::isUserInRole, "admin"));
        }
        String address = addresses.of(req);
        if (upgrade && req.getDispatcherType() == DispatcherType.REQUEST && sockets.full(address)) {
            HttpProblem.send(req, res, 429, "Too many signaling sockets from your address; close some first.");
            return;
        }
        chain.doFilter(upgrade ? new NoNewSession(req, address, guests.of(req).orElse(""), watch.decide(req)) : req, res);
    }

    /**
     * The container asks every handshake for an HTTP session, creating one per socket; signaling
     * keeps no state there, so a socket gets the session its cookie names, or none (memory and CPU
     * per connection: see docs/performance.md).
     */
    static final class NoNewSession extends HttpServletRequestWrapper {

        private final String address;
        private final String guest;
        private final String watch;

        NoNewSession(HttpServletRequest request, String address, String guest, String watch) {
            super(request);
            this.address = address;
            this.guest = guest;
            this.watch = watch;
        }

        /**
         * The client's address, guest identity and right to watch travel to the socket in headers only this filter
         * sets ({@link ClientAddress}): what a client sends under those names is replaced.
         */
        @Override
        public String getHeader(String name) {
            String ours = ours(name);
            return ours != null ? ours : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            String ours = ours(name);
            return ours != null ? Collections.enumeration(List.of(ours)) : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            List<String> names = Collections.list(super.getHeaderNames());
            names.removeIf(n -> ours(n) != null);
            names.add(ClientAddress.HEADER);
            names.add(ClientAddress.GUEST_HEADER);
            names.add(ClientAddress.WATCH_HEADER);
            return Collections.enumeration(names);
        }

        private String ours(String name) {
            return ClientAddress.HEADER.equalsIgnoreCase(name) ? address
                    : ClientAddress.GUEST_HEADER.equalsIgnoreCase(name) ? guest
                    : ClientAddress.WATCH_HEADER.equalsIgnoreCase(name) ? watch : null;
        }

        @Override
        public HttpSession getSession() {
            return getSession(false);
        }
    }
}
