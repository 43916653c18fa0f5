package io.relaycast.interfaces.http;

import io.relaycast.application.limits.SignInAttempts;
import io.relaycast.domain.model.shared.RateLimitedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * What the Basic mechanism does not: malformed credentials are a 401 problem (not a server error),
 * wrong credentials are refused (not quietly treated as anonymous), and password guessing is
 * limited per user and per address.
 *
 * <p>Refusals are answered by the mechanism itself ({@link #answer}), with a problem body.
 */
@ApplicationScoped
public class CredentialCheck {

    /** Why a request is refused, and when to try again (seconds, 0 for "not a matter of time"). */
    public record Refusal(int status, String detail, long retryAfterSeconds) {
    }

    @Inject
    SignInAttempts attempts;

    @Inject
    ClientAddresses addresses;

    /** Before the mechanism: empty to let it validate, or why the request is refused outright. */
    public Optional<Refusal> before(HttpServletRequest req) {
        String header = req.getHeader("Authorization");
        if (!BasicCredentials.isBasic(header)) {
            return Optional.empty(); // no credentials (or a session cookie): the mechanism decides
        }
        Optional<BasicCredentials> credentials = BasicCredentials.parse(header);
        if (credentials.isEmpty()) {
            return Optional.of(new Refusal(401,
                    "The Authorization header is not valid Basic credentials (base64 of user:password).", 0));
        }
        try {
            attempts.check(credentials.get().user(), addresses.of(req));
            return Optional.empty();
        } catch (RateLimitedException e) {
            return Optional.of(new Refusal(429, e.getMessage(), e.retryAfterSeconds()));
        }
    }

    /** A bearer token about to be checked: refused while its address has failed too often. */
    public Optional<Refusal> beforeToken(HttpServletRequest req) {
        try {
            attempts.check(tokenUser(req), addresses.of(req));
            return Optional.empty();
        } catch (RateLimitedException e) {
            return Optional.of(new Refusal(429, e.getMessage(), e.retryAfterSeconds()));
        }
    }

    /** A refused bearer token counts as a failed sign-in from its address. */
    public void tokenFailed(HttpServletRequest req) {
        attempts.failed(tokenUser(req), addresses.of(req));
    }

    /** Tokens name no user until checked: the per-user limit is kept per address for them. */
    private String tokenUser(HttpServletRequest req) {
        return "(bearer token from " + addresses.of(req) + ")";
    }

    /** After the mechanism: a failure is counted, and credentials that did not sign in are refused (401). */
    public AuthenticationStatus after(HttpServletRequest req, HttpServletResponse res, AuthenticationStatus status)
            throws AuthenticationException {
        String header = req.getHeader("Authorization");
        if (status == AuthenticationStatus.SUCCESS || !BasicCredentials.isBasic(header)) {
            return status;
        }
        BasicCredentials.parse(header).ifPresent(c -> attempts.failed(c.user(), addresses.of(req)));
        // The container would let an unprotected request (a WebSocket handshake) go on as anonymous.
        return answer(req, res, new Refusal(401, "Wrong user or password.", 0));
    }

    /** Answers the request now (a problem body) and tells the container that this is the answer. */
    public static AuthenticationStatus answer(HttpServletRequest req, HttpServletResponse res, Refusal refusal)
            throws AuthenticationException {
        try {
            if (refusal.retryAfterSeconds() > 0) {
                res.setHeader("Retry-After", Long.toString(refusal.retryAfterSeconds()));
            }
            HttpProblem.send(req, res, refusal.status(), refusal.detail());
        } catch (IOException e) {
            throw new AuthenticationException(e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
