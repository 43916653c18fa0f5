package io.relaycast.application.signin;

import java.time.Duration;

/**
 * Sessions that were signed out before their sign-in cookie expired, by the cookie's digest. On one
 * server Liberty itself refuses such a cookie (trackLoggedOutSSOCookies), but only on the node that
 * saw the sign-out; a cluster keeps them where every node looks (Redis).
 */
public interface SignedOutSessions {

    /** Remembers the sign-out for as long as the cookie could still be presented. */
    void signedOut(String cookieDigest, Duration remaining);

    boolean isSignedOut(String cookieDigest);

    /** One server: nothing to share; Liberty refuses the cookie there. */
    SignedOutSessions LOCAL = new SignedOutSessions() {
        @Override
        public void signedOut(String cookieDigest, Duration remaining) {
        }

        @Override
        public boolean isSignedOut(String cookieDigest) {
            return false;
        }
    };
}
