package io.relaycast.interfaces.security;

import io.relaycast.interfaces.http.CallerRoles;
import io.relaycast.domain.model.access.Watcher;
import io.relaycast.interfaces.http.CallerGroups;
import io.relaycast.interfaces.http.RequestWatchers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Set;

/**
 * The caller of a request as someone who wants to watch: user, company groups, admin role and the
 * invite they came with; and who an invite's use is counted for (the user, else the browser's
 * guest identity).
 */
@ApplicationScoped
public class Watchers {

    @Inject
    RequestWatchers requests;

    public Watcher of(SecurityContext sc, String invite) {
        String user = Caller.id(sc).orElse(null);
        return new Watcher(user, user == null ? Set.of() : CallerGroups.current(),
                user != null && CallerRoles.has(sc::isUserInRole, Roles.ADMIN), invite == null || invite.isBlank() ? null : invite);
    }

    public Watcher of(HttpServletRequest req) {
        return requests.of(req);
    }

    /** Who an invite's use is counted for: one person, however often they reload. */
    public String holder(Watcher w, HttpServletRequest req) {
        return requests.holder(w, req);
    }
}
