package io.relaycast.interfaces.http;

import io.relaycast.domain.model.access.Watcher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;

/**
 * The caller of an HTTP request (a page, a signaling handshake) as someone who wants to watch:
 * user, company groups, admin role and the {@code ?invite=} token; and who an invite's use is
 * counted for (the user, else the browser's guest identity). Shared by both WARs.
 */
@ApplicationScoped
public class RequestWatchers {

    @Inject
    GuestIdentities guests;

    public Watcher of(HttpServletRequest req) {
        String user = req.getUserPrincipal() == null ? null : req.getUserPrincipal().getName();
        String invite = req.getParameter("invite");
        return new Watcher(user, user == null ? Set.of() : CallerGroups.current(),
                user != null && CallerRoles.has(req::isUserInRole, "admin"), invite == null || invite.isBlank() ? null : invite);
    }

    /** Who an invite's use is counted for: one person, however often they reload; null when nobody can say. */
    public String holder(Watcher w, HttpServletRequest req) {
        if (w.signedIn()) {
            return "user:" + w.userId();
        }
        return guests.of(req).map(g -> "guest:" + g).orElse(null);
    }
}
