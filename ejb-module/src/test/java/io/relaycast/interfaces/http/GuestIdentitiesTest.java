package io.relaycast.interfaces.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The guest cookie: issued once, verified by its signature, worthless when tampered with or signed elsewhere. */
class GuestIdentitiesTest {

    private static GuestIdentities withSecret(String secret) {
        GuestIdentities g = new GuestIdentities();
        g.configuredSecret = Optional.ofNullable(secret);
        g.init();
        return g;
    }

    private static HttpServletRequest request(Cookie... cookies) {
        return (HttpServletRequest) Proxy.newProxyInstance(GuestIdentitiesTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (p, m, a) -> switch (m.getName()) {
                    case "getCookies" -> cookies.length == 0 ? null : cookies;
                    case "isSecure" -> false;
                    default -> null;
                });
    }

    private static Cookie issue(GuestIdentities g, HttpServletRequest req) {
        List<Cookie> set = new ArrayList<>();
        HttpServletResponse res = (HttpServletResponse) Proxy.newProxyInstance(GuestIdentitiesTest.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (p, m, a) -> {
                    if (m.getName().equals("addCookie")) {
                        set.add((Cookie) a[0]);
                    }
                    return null;
                });
        g.issueIfAbsent(req, res);
        return set.isEmpty() ? null : set.get(0);
    }

    @Test
    void aGuestCookieIsIssuedOnceSignedAndHttpOnly() {
        GuestIdentities g = withSecret("s3cret");
        Cookie c = issue(g, request());
        assertEquals(GuestIdentities.COOKIE, c.getName());
        assertTrue(c.isHttpOnly());
        String id = g.of(request(c)).orElseThrow();
        assertEquals(24, id.length());
        assertEquals(null, issue(g, request(c)), "a valid cookie is kept");
        assertNotEquals(id, g.of(request(issue(g, request()))).orElseThrow(), "each browser its own");
    }

    @Test
    void aTamperedOrForeignCookieIsNoIdentity() {
        GuestIdentities g = withSecret("s3cret");
        String value = issue(g, request()).getValue();
        String otherId = "0".repeat(24);
        assertTrue(g.verify(otherId + value.substring(24)).isEmpty(), "another id under the same signature");
        assertTrue(g.verify(value.substring(0, value.length() - 2) + "xx").isEmpty(), "a changed signature");
        assertTrue(withSecret("other").verify(value).isEmpty(), "signed with another secret");
        assertTrue(g.verify("garbage").isEmpty());
        assertTrue(g.verify(null).isEmpty());
        assertEquals(value.substring(0, 24), withSecret("s3cret").verify(value).orElseThrow(),
                "the same secret on another server accepts it");
    }
}
