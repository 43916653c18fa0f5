package io.relaycast.interfaces.web;

import io.relaycast.interfaces.http.AllowedOrigins;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;

/**
 * Cross-site request forgery: a write that rides on the browser's cookies (the session) must come
 * from our own pages — an {@code Origin} that is this server's (or listed in {@code ALLOWED_ORIGINS}),
 * or, without one, {@code Sec-Fetch-Site: same-origin}. SameSite cookies alone let a sibling
 * sub-domain through. Callers that send their credentials themselves (Basic or bearer
 * {@code Authorization}) cannot be forged by another site and are not affected; neither is signing
 * out (forging it gains nothing).
 */
@ApplicationScoped
public class CrossSiteWrites {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Inject
    AllowedOrigins origins;

    /** True when the request is a cookie-carried API write from another site (or of unknown origin). */
    public boolean refused(HttpServletRequest req, String path) {
        if (SAFE.contains(req.getMethod()) || !path.startsWith("/api/") || path.equals("/api/session")
                || req.getHeader("Authorization") != null || req.getHeader("Cookie") == null) {
            return false;
        }
        String origin = req.getHeader("Origin");
        if (origin != null) {
            return !origins.allows(origin, req.getHeader("Host"));
        }
        return !"same-origin".equals(req.getHeader("Sec-Fetch-Site"));
    }
}
