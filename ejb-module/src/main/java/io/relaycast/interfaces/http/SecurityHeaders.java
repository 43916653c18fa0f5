package io.relaycast.interfaces.http;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Defence in depth for every response: the pages load scripts, styles and media only from this
 * server (no inline script runs, so injected markup could not execute even if it got through), may
 * not be framed, and browsers do not guess content types. Camera, microphone and screen capture
 * are allowed for this origin only.
 */
public final class SecurityHeaders {

    public static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data: blob:",
            "media-src 'self' blob:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    private SecurityHeaders() {
    }

    /**
     * For each module's first filter: false when the response is already answered (credentials
     * refused by the authentication mechanism) and the request must go no further; else the
     * headers are set and it goes on.
     */
    public static boolean applyUnlessAnswered(HttpServletResponse res) {
        if (res.isCommitted()) {
            return false;
        }
        apply(res);
        return true;
    }

    public static void apply(HttpServletResponse res) {
        res.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        res.setHeader("X-Content-Type-Options", "nosniff");
        res.setHeader("Referrer-Policy", "same-origin");
        res.setHeader("Permissions-Policy", "camera=(self), microphone=(self), display-capture=(self)");
    }
}
