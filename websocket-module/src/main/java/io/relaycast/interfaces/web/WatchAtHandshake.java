package io.relaycast.interfaces.web;

import io.relaycast.application.access.WatchPolicy;
import io.relaycast.domain.model.access.Watcher;
import io.relaycast.domain.model.shared.ActionForbiddenException;
import io.relaycast.domain.model.shared.DomainException;
import io.relaycast.domain.model.shared.SignInRequiredException;
import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.interfaces.http.RequestWatchers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Whether the caller of a signaling handshake may watch its stream, decided where the caller's
 * groups are still known (the socket cannot ask later): "allowed", "sign-in" or "forbidden". A
 * viewer's {@code stream:join} is then refused accordingly; the broadcaster proves itself with the
 * stream key instead. {@code ?invite=} carries an invite link's token. Fails closed: no decision
 * for the stream the socket is about is a refusal.
 */
@ApplicationScoped
public class WatchAtHandshake {

    /** Within this module's context root (/ws). */
    static final String PREFIX = "/livestream/";

    @Inject
    WatchPolicy policy;

    @Inject
    RequestWatchers watchers;

    /**
     * "decision|streamId": the decision, and the stream it is about as this filter read it from
     * the path; the endpoint honours it only for that very stream (a path the container reads
     * differently — a ";x" suffix, an escaped character — gets no decision, so no viewer join).
     */
    String decide(HttpServletRequest req) {
        String path = (req.getServletPath() == null ? "" : req.getServletPath())
                + (req.getPathInfo() == null ? "" : req.getPathInfo());
        if (!path.startsWith(PREFIX) || path.length() == PREFIX.length()) {
            return "forbidden|";
        }
        String id = path.substring(PREFIX.length());
        Watcher w = watchers.of(req);
        String holder = watchers.holder(w, req);
        try {
            policy.requireMayWatch(StreamId.of(id), w, holder);
            return "allowed|" + id;
        } catch (SignInRequiredException e) {
            return "sign-in|" + id;
        } catch (ActionForbiddenException e) {
            return "forbidden|" + id;
        } catch (DomainException e) {
            return "unknown|" + id; // no such stream: the join says so itself
        }
    }
}
