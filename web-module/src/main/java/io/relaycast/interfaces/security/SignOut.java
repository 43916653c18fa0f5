package io.relaycast.interfaces.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/** Ends a browser's sign-in: the container's SSO cookie and any HTTP session. */
public final class SignOut {

    private SignOut() {
    }

    public static void of(HttpServletRequest request) throws ServletException {
        request.logout();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }
}
