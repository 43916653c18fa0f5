package io.relaycast.interfaces.web;

import io.relaycast.interfaces.http.GuestIdentities;
import io.relaycast.interfaces.http.SecurityHeaders;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Shareable page URLs: /watch/{id}, /embed/{id}, /vod/{id}, /report/{id}, /profile/{user}, /console, /signin are forwarded to
 * their Facelets page; the id in the path is handed to the page as the request attribute
 * {@link #PATH_ID}.
 */
// Mapped in web.xml, after EdgeFilter: it forwards and does not continue the chain.
public class PagePathFilter extends HttpFilter {

    /** Request attribute: the decoded last path segment ("{id}" in /watch/{id}). */
    public static final String PATH_ID = "relaycast.pathId";

    @Inject
    GuestIdentities guests;

    @Inject
    EmbedOrigins embedOrigins;

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        String path = req.getRequestURI().substring(req.getContextPath().length());
        int slash = path.indexOf('/', 1);
        String page = slash < 0 ? path : path.substring(0, slash);
        if (slash >= 0) {
            String id = path.substring(slash + 1);
            if (id.isEmpty() || id.contains("/")) {
                res.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            try {
                req.setAttribute(PATH_ID, URLDecoder.decode(id.replace("+", "%2B"), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException malformedEscape) {
                res.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
        }
        if (page.equals("/watch") || page.equals("/embed")) {
            guests.issueIfAbsent(req, res); // anonymous chatters keep one name across reloads
        }
        if (page.equals("/embed")) {
            SecurityHeaders.allowFramingBy(req, res, embedOrigins.origins()); // every other page refuses frames
        }
        req.getRequestDispatcher(page + ".xhtml").forward(req, res);
    }

    /** The path the browser asked for, also inside a forwarded request. */
    static String originalPath(HttpServletRequest req) {
        Object forwarded = req.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
        String uri = forwarded != null ? forwarded.toString() : req.getRequestURI();
        String path = uri.substring(req.getContextPath().length());
        return path.equals("/index.xhtml") ? "/" : path;
    }
}
