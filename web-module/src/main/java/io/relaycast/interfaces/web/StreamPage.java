package io.relaycast.interfaces.web;

import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.application.stream.LivestreamService;
import io.relaycast.application.stream.StreamSnapshot;
import io.relaycast.domain.model.stream.Livestream;
import io.relaycast.domain.model.stream.StreamNotFoundException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import io.relaycast.application.access.WatchPolicy;
import io.relaycast.domain.model.access.Watcher;
import io.relaycast.domain.model.shared.ActionForbiddenException;
import io.relaycast.domain.model.shared.InvalidInputException;
import io.relaycast.domain.model.shared.SignInRequiredException;
import io.relaycast.interfaces.security.Watchers;
import java.util.Optional;

/**
 * The stream behind /watch/{id} and /vod/{id}: the page is rendered with its title and state, and
 * answers 404 for an unknown id. The page's ES module takes over from there (signaling, playback).
 * The stream key is never rendered: this bean exposes only public fields.
 */
@Named
@RequestScoped
public class StreamPage {

    @Inject
    LivestreamService streams;

    @Inject
    WatchPolicy policy;

    @Inject
    Watchers watchers;

    private Optional<StreamSnapshot> snapshot;

    /** Why this caller may not watch: "sign-in", "forbidden", or null when they may. */
    private String denied;

    /**
     * View action: a missing stream is a real 404, not an empty page; one the caller may not watch
     * is a 401 or 403 page that says what to do, and shows nothing of the stream (not even its title).
     */
    public void load() {
        var context = FacesContext.getCurrentInstance().getExternalContext();
        if (find().isPresent()) {
            return;
        }
        context.setResponseStatus(denied == null ? HttpServletResponse.SC_NOT_FOUND
                : "sign-in".equals(denied) ? HttpServletResponse.SC_UNAUTHORIZED : HttpServletResponse.SC_FORBIDDEN);
    }

    /** "sign-in" (401), "forbidden" (403), or empty when the caller may watch. */
    public String getDenied() {
        find();
        return denied == null ? "" : denied;
    }

    /**
     * The stream, if there is one and the caller may watch it. Decided here, not in the view
     * action: a request that looks like a postback skips view actions, and must not get the
     * stream's title that way.
     */
    private Optional<StreamSnapshot> find() {
        if (snapshot == null) {
            var context = FacesContext.getCurrentInstance().getExternalContext();
            Object id = context.getRequestMap().get(PagePathFilter.PATH_ID);
            snapshot = Optional.empty();
            if (id != null) {
                try {
                    StreamSnapshot found = streams.find(StreamId.of(id.toString()));
                    HttpServletRequest req = (HttpServletRequest) context.getRequest();
                    Watcher w = watchers.of(req);
                    policy.requireMayWatch(found.stream().getId(), w, watchers.holder(w, req));
                    snapshot = Optional.of(found);
                } catch (StreamNotFoundException e) {
                    // stays empty: the page says so and answers 404
                } catch (SignInRequiredException e) {
                    denied = "sign-in";
                } catch (ActionForbiddenException e) {
                    denied = "forbidden";
                } catch (InvalidInputException e) {
                    // a malformed id: as unknown
                }
            }
        }
        return snapshot;
    }

    private Optional<Livestream> stream() {
        return find().map(StreamSnapshot::stream);
    }

    public boolean isFound() {
        return find().isPresent();
    }

    public String getId() {
        return stream().map(s -> s.getId().value()).orElse("");
    }

    public String getTitle() {
        find();
        if (denied != null) {
            return "Restricted stream";
        }
        return stream().map(Livestream::getTitle).orElse("Stream not found");
    }

    public String getDescription() {
        return stream().map(Livestream::getDescription).orElse("");
    }

    public String getBroadcaster() {
        return stream().map(Livestream::getUserId).orElse("");
    }

    /** scheduled | live | ended, as in the REST API; "missing" for an unknown id. */
    public String getStatus() {
        return stream().map(s -> s.getStatus().wireName()).orElse("missing");
    }

    public String getStartedAt() {
        return stream().map(Livestream::getStartedAt).map(PageTime::format).orElse("");
    }

    public long getViewers() {
        return find().map(StreamSnapshot::currentViewers).orElse(0L);
    }

    public long getLikes() {
        return stream().map(Livestream::getLikeCount).orElse(0L);
    }
}
