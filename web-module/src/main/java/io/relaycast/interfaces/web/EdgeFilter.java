package io.relaycast.interfaces.web;

import io.relaycast.interfaces.http.CredentialCheck;
import io.relaycast.interfaces.http.AddressText;
import io.relaycast.interfaces.http.HttpProblem;
import io.relaycast.interfaces.http.SecurityHeaders;
import io.relaycast.interfaces.http.SignedOutCookies;
import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * The first filter of the pages and the API (web.xml puts it first): security headers on every
 * response; addresses with control characters, cross-site writes ({@link CrossSiteWrites}) and
 * {@link RequestLimits} refused before any body is read.
 */
public class EdgeFilter extends HttpFilter {

    @Inject
    RequestLimits limits;

    @Inject
    CrossSiteWrites crossSite;

    @Inject
    SignedOutCookies signedOut;

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        if (!SecurityHeaders.applyUnlessAnswered(req, res)) {
            return;
        }
        if (req.getDispatcherType() != DispatcherType.REQUEST) {
            chain.doFilter(req, res);
            return;
        }
        String path = req.getRequestURI().substring(req.getContextPath().length());
        if (path.startsWith("/api/")) {
            // API answers are per caller (the owner's carry the stream key): never stored by caches.
            // Endpoints that may be cached (thumbnails, recordings) set their own.
            res.setHeader("Cache-Control", "no-store");
        }
        // API parameters reach queries; a page's (sign-in's ?next=) are checked where they are used
        if (AddressText.forbidden(req.getRequestURI(), path.startsWith("/api/") ? req.getQueryString() : null)) {
            HttpProblem.send(req, res, 400, "The address holds control characters or bidirectional overrides.");
            return;
        }
        if (signedOut.signedOut(req)) {
            // signed out on another node: Liberty here still takes the cookie
            SignedOutCookies.clear(res);
            if ("GET".equals(req.getMethod()) && !path.startsWith("/api/")) {
                // a page: once more without the cookie, as anyone signed out sees it
                String uri = req.getRequestURI().startsWith("//") ? "/" : req.getRequestURI();
                res.sendRedirect(uri + (req.getQueryString() == null ? "" : "?" + req.getQueryString()));
            } else {
                HttpProblem.send(req, res, 401, "This session was signed out; sign in again.");
            }
            return;
        }
        if (crossSite.refused(req, path)) {
            HttpProblem.send(req, res, 403, "This change must come from this site's own pages (cross-site request refused).");
            return;
        }
        long length = req.getContentLengthLong();
        boolean chunked = req.getHeader("Transfer-Encoding") != null;
        RequestLimits.Head head = new RequestLimits.Head(req.getMethod(), path, req.getUserPrincipal() != null,
                chunked ? -1 : Math.max(0, length), req.getContentType());
        Optional<CredentialCheck.Refusal> refusal = limits.check(head);
        if (refusal.isPresent()) {
            // Nothing of the body is read; the connection is closed rather than drained.
            res.setHeader("Connection", "close");
            HttpProblem.send(req, res, refusal.get().status(), refusal.get().detail());
            return;
        }
        chain.doFilter(chunked && path.startsWith("/api/") ? new CappedRequest(req, limits.maxBodyBytes(path)) : req,
                res);
    }
}
