package io.relaycast.interfaces.http;

import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;

/**
 * The container's Basic mechanism (of both WARs) behind {@link CredentialCheck}: malformed, wrong
 * and guessed credentials are refused before or after it runs.
 */
@Decorator
@Priority(Interceptor.Priority.APPLICATION)
public abstract class GuardedBasicMechanism implements HttpAuthenticationMechanism {

    @Inject
    @Delegate
    @Any
    HttpAuthenticationMechanism delegate;

    @Inject
    CredentialCheck check;

    @Inject
    SingleSignOn sso;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest req, HttpServletResponse res, HttpMessageContext ctx)
            throws AuthenticationException {
        if (anonymous(req, ctx)) {
            // What Basic answers here too, without its per-request set-up (every anonymous viewer's
            // socket opens this way; it showed in the handshake's CPU profile).
            return AuthenticationStatus.NOT_DONE;
        }
        String header = req.getHeader("Authorization");
        if (BearerTokens.isBearer(header) && isWhip(req)) {
            // WHIP's bearer token is the stream key, checked by the WHIP endpoint itself
            return AuthenticationStatus.NOT_DONE;
        }
        if (BearerTokens.isBearer(header)) {
            return bearer(req, res, ctx, header);
        }
        Optional<CredentialCheck.Refusal> refusal = check.before(req);
        if (refusal.isPresent()) {
            LibertyAudit.notBasic(req);
            return CredentialCheck.answer(req, res, refusal.get());
        }
        return check.after(req, res, delegate.validateRequest(req, res, ctx));
    }

    /**
     * An access token from the company's identity provider: its user and groups sign the request
     * in (the groups grant roles through {@link CallerRoles}); anything else is a 401 problem.
     */
    private AuthenticationStatus bearer(HttpServletRequest req, HttpServletResponse res, HttpMessageContext ctx,
            String header) throws AuthenticationException {
        if (!sso.bearerTokens()) {
            return CredentialCheck.answer(req, res, new CredentialCheck.Refusal(401, "Bearer tokens are accepted "
                    + "when single sign-on and its API audience are configured (OIDC_ISSUER, OIDC_API_AUDIENCE); "
                    + "use Basic credentials or the session cookie.", 0));
        }
        // garbage tokens cost a signature check each: limited per address like password guesses
        Optional<CredentialCheck.Refusal> limited = check.beforeToken(req);
        if (limited.isPresent()) {
            return CredentialCheck.answer(req, res, limited.get());
        }
        try {
            BearerTokens.TokenCaller caller = BearerTokens.verify(header, sso.userClaim(), sso.groupsClaim());
            return ctx.notifyContainerAboutLogin(caller.user(), caller.groups());
        } catch (BearerTokens.Refused e) {
            check.tokenFailed(req);
            return CredentialCheck.answer(req, res, new CredentialCheck.Refusal(401, e.getMessage(), 0));
        }
    }

    private static boolean isWhip(HttpServletRequest req) {
        return req.getRequestURI().startsWith("/whip/");
    }

    /** No credentials offered and none asked for: an anonymous request to an open resource. */
    private static boolean anonymous(HttpServletRequest req, HttpMessageContext ctx) {
        return req.getHeader("Authorization") == null && !ctx.isProtected() && !ctx.isAuthenticationRequest()
                && req.getUserPrincipal() == null;
    }
}
