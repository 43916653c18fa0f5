package io.relaycast.interfaces.http;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A guest's identity across reconnects: a random id the server issues in a signed, HttpOnly cookie
 * when the watch page is served, so that a reload keeps the same guest name — and with it slow
 * mode, per-user chat limits and bans. A cookie whose signature does not verify is ignored.
 * {@code GUEST_SECRET} signs them; without it each server start draws its own (a cluster must set
 * one shared secret, or guests get a new name on another server).
 */
@ApplicationScoped
public class GuestIdentities {

    public static final String COOKIE = "rc_guest";
    /** Request attribute: the guest id issued on this request (its cookie is only on the response). */
    private static final String ISSUED = "relaycast.guest-issued";
    private static final Logger LOG = Logger.getLogger(GuestIdentities.class.getName());
    private static final int MAX_AGE_SECONDS = 365 * 24 * 3600;

    @Inject
    @ConfigProperty(name = "guest.secret")
    Optional<String> configuredSecret;

    private SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    @PostConstruct
    void init() {
        byte[] secret = configuredSecret.filter(s -> !s.isBlank()).map(s -> s.getBytes(StandardCharsets.UTF_8))
                .orElseGet(() -> {
                    LOG.info("GUEST_SECRET is not set: guest identities last until this server restarts");
                    byte[] b = new byte[32];
                    random.nextBytes(b);
                    return b;
                });
        key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** The verified guest id the request's cookie carries, if any. */
    public Optional<String> of(HttpServletRequest req) {
        if (req.getAttribute(ISSUED) instanceof String issued) {
            return Optional.of(issued); // issued on this very request: the rest of it is that guest already
        }
        Cookie[] cookies = req.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie c : cookies) {
            if (COOKIE.equals(c.getName())) {
                return verify(c.getValue());
            }
        }
        return Optional.empty();
    }

    /** Gives the browser a guest identity unless it already holds a valid one. */
    public void issueIfAbsent(HttpServletRequest req, HttpServletResponse res) {
        if (of(req).isPresent()) {
            return;
        }
        byte[] id = new byte[12];
        random.nextBytes(id);
        String value = HexFormat.of().formatHex(id);
        Cookie c = new Cookie(COOKIE, value + "." + sign(value));
        c.setHttpOnly(true);
        c.setSecure(req.isSecure());
        c.setPath("/");
        c.setMaxAge(MAX_AGE_SECONDS);
        c.setAttribute("SameSite", "Lax");
        res.addCookie(c);
        req.setAttribute(ISSUED, value);
    }

    Optional<String> verify(String value) {
        int dot = value == null ? -1 : value.indexOf('.');
        if (dot != 24) {
            return Optional.empty();
        }
        String id = value.substring(0, dot);
        byte[] expected = sign(id).getBytes(StandardCharsets.US_ASCII);
        byte[] given = value.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given) && id.chars().allMatch(ch -> Character.digit(ch, 16) >= 0)
                ? Optional.of(id) : Optional.empty();
    }

    private String sign(String id) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(id.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
