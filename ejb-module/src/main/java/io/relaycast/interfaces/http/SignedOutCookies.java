package io.relaycast.interfaces.http;

import io.relaycast.application.signin.SignedOutSessions;
import io.relaycast.domain.model.shared.Digests;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The sign-in cookie after a sign-out, on every node: the sign-out records the cookie's digest
 * ({@link SignedOutSessions}); each module's first filter refuses a request that still carries it
 * and clears it from the browser. Liberty refuses it on the node that saw the sign-out only.
 */
@ApplicationScoped
public class SignedOutCookies {

    /** The sign-in cookie's name (relaycast.xml: webAppSecurity ssoCookieName). */
    public static final String COOKIE = "relaycastSso";
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*([smhd])");

    @Inject
    SignedOutSessions sessions;

    /** How long a sign-in lasts (Liberty's LTPA expiration, the same setting). */
    @Inject
    @ConfigProperty(name = "session.expiration", defaultValue = "480m")
    String expiration;

    /** Before the container forgets the session: remember that this request's cookie is signed out. */
    public void signingOut(HttpServletRequest req) {
        cookie(req).ifPresent(value -> sessions.signedOut(digest(value), lifetime(expiration)));
    }

    /** True when the request's sign-in cookie was signed out (on any node). */
    public boolean signedOut(HttpServletRequest req) {
        return cookie(req).map(value -> sessions.isSignedOut(digest(value))).orElse(false);
    }

    /** Tells the browser to drop the cookie. */
    public static void clear(HttpServletResponse res) {
        res.addHeader("Set-Cookie", COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict");
    }

    private static Optional<String> cookie(HttpServletRequest req) {
        Cookie[] cookies = req.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie c : cookies) {
            if (COOKIE.equals(c.getName()) && c.getValue() != null && !c.getValue().isEmpty()) {
                return Optional.of(c.getValue());
            }
        }
        return Optional.empty();
    }

    /** "480m", "8h", "1d", "90s" (Liberty's forms; a sum such as "1h30m" counts every part). */
    static Duration lifetime(String setting) {
        Matcher m = DURATION.matcher(setting == null ? "" : setting);
        Duration total = Duration.ZERO;
        while (m.find()) {
            long n = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            });
        }
        return total.isZero() ? Duration.ofHours(8) : total;
    }

    static String digest(String value) {
        return Digests.sha256Hex(value);
    }
}
