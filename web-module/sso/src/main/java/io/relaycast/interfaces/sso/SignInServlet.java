package io.relaycast.interfaces.sso;

import jakarta.annotation.security.DeclareRoles;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code GET /sso/signin?next=/console}: protected, so Liberty's OpenID Connect client sends the
 * browser to the provider's sign-in first; once back here the browser holds the server's sign-in
 * cookie, which every module accepts, and goes on to {@code next} (a path on this site only).
 */
@WebServlet("/signin")
@DeclareRoles(SignInServlet.ANY_SIGNED_IN)
@ServletSecurity(@HttpConstraint(rolesAllowed = SignInServlet.ANY_SIGNED_IN))
public class SignInServlet extends HttpServlet {

    /** Bound to every authenticated user in oidc/sso.xml. */
    static final String ANY_SIGNED_IN = "user";

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        res.setHeader("Cache-Control", "no-store");
        res.sendRedirect(ReturnPath.of(req.getParameter("next")));
    }
}
