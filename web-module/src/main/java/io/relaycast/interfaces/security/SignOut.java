package io.relaycast.interfaces.security;

import io.relaycast.interfaces.http.SignedOutCookies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * Ends a browser's sign-in: the container's SSO cookie and any HTTP session, on this node (Liberty)
 * and on every other one ({@link SignedOutCookies}).
 */
@ApplicationScoped
public class SignOut {

    @Inject
    SignedOutCookies signedOut;

    public void of(HttpServletRequest request) throws ServletException {
        signedOut.signingOut(request);
        request.logout();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }
}
