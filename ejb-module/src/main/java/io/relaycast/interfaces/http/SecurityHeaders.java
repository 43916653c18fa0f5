package io.relaycast.interfaces.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.ConfigProvider;

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

    /** Request attribute: the origins that may frame this one page (the embed); absent: none. */
    private static final String FRAME_ANCESTORS = "relaycast.frame-ancestors";

    /**
     * For a page meant to be framed (the embed): the same policy, but framing allowed from these
     * origins ({@code 'none'} when there are none) — kept when the request is forwarded to its view.
     */
    public static void allowFramingBy(HttpServletRequest req, HttpServletResponse res, List<String> origins) {
        req.setAttribute(FRAME_ANCESTORS, List.copyOf(origins));
        res.setHeader("Content-Security-Policy", policyFor(req));
    }

    /**
     * The policy every page gets: with single sign-on, sign-out forms may also end at the identity
     * provider (browsers apply form-action to the redirect that takes them there).
     */
    private static volatile String pagePolicy;

    private static String pagePolicy() {
        String p = pagePolicy;
        if (p == null) {
            p = withFormTarget(CONTENT_SECURITY_POLICY, ConfigProvider.getConfig()
                    .getOptionalValue("oidc.issuer", String.class).orElse(""));
            pagePolicy = p;
        }
        return p;
    }

    /** The policy with the issuer's origin (scheme, host, port) as a form target; unchanged without one. */
    static String withFormTarget(String policy, String issuer) {
        try {
            URI u = URI.create(issuer.trim());
            if (u.getScheme() == null || u.getHost() == null || !u.getScheme().matches("https?")) {
                return policy;
            }
            String origin = u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort());
            return policy.replace("form-action 'self'", "form-action 'self' " + origin);
        } catch (IllegalArgumentException e) {
            return policy;
        }
    }

    private static String policyFor(HttpServletRequest req) {
        if (!(req.getAttribute(FRAME_ANCESTORS) instanceof List<?> origins) || origins.isEmpty()) {
            return pagePolicy();
        }
        return pagePolicy().replace("frame-ancestors 'none'", "frame-ancestors "
                + String.join(" ", origins.stream().map(String::valueOf).toList()));
    }

    /**
     * For each module's first filter: false when the response is already answered (credentials
     * refused by the authentication mechanism) and the request must go no further; else the
     * headers are set and it goes on.
     */
    public static boolean applyUnlessAnswered(HttpServletRequest req, HttpServletResponse res) {
        if (res.isCommitted()) {
            return false;
        }
        apply(req, res);
        return true;
    }

    /**
     * Over HTTPS also HSTS (browsers then never use plain HTTP for this host) and the {@code Secure}
     * flag on every cookie already set — the sign-in cookie is set by the container before any
     * filter runs. Over plain HTTP (a developer's {@code liberty:run}) cookies stay usable.
     */
    public static void apply(HttpServletRequest req, HttpServletResponse res) {
        res.setHeader("Content-Security-Policy", policyFor(req));
        res.setHeader("X-Content-Type-Options", "nosniff");
        res.setHeader("Referrer-Policy", "same-origin");
        res.setHeader("Permissions-Policy", "camera=(self), microphone=(self), display-capture=(self)");
        if (req.isSecure()) {
            res.setHeader("Strict-Transport-Security", "max-age=31536000");
            secureCookies(res);
        }
    }

    private static void secureCookies(HttpServletResponse res) {
        List<String> cookies = List.copyOf(res.getHeaders("Set-Cookie"));
        if (cookies.stream().allMatch(SecurityHeaders::isSecure)) {
            return;
        }
        for (int i = 0; i < cookies.size(); i++) {
            String c = isSecure(cookies.get(i)) ? cookies.get(i) : cookies.get(i) + "; Secure";
            if (i == 0) {
                res.setHeader("Set-Cookie", c);
            } else {
                res.addHeader("Set-Cookie", c);
            }
        }
    }

    private static boolean isSecure(String setCookie) {
        return setCookie.toLowerCase(Locale.ROOT).matches("(?s).*;\\s*secure\\s*(;.*)?");
    }
}
