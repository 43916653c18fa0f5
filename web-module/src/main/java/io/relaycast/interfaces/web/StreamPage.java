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
        if (find().isEmpty()) {
            context.setResponseStatus(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        HttpServletRequest req = (HttpServletRequest) context.getRequest();
        Watcher w = watchers.of(req);
        try {
            policy.requireMayWatch(snapshot.get().stream().getId(), w, watchers.holder(w, req));
        } catch (SignInRequiredException e) {
            deny("sign-in", HttpServletResponse.SC_UNAUTHORIZED);
        } catch (ActionForbiddenException e) {
            deny("forbidden", HttpServletResponse.SC_FORBIDDEN);
        }
    }

    private void deny(String why, int status) {
        denied = why;
        snapshot = Optional.empty();
        FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(status);
    }

    /** "sign-in" (401), "forbidden" (403), or empty when the caller may watch. */
    public String getDenied() {
        return denied == null ? "" : denied;
    }

    private Optional<StreamSnapshot> find() {
        if (snapshot == null) {
            Object id = FacesContext.getCurrentInstance().getExternalContext()
                    .getRequestMap().get(PagePathFilter.PATH_ID);
            snapshot = Optional.empty();
            if (id != null) {
                try {
                    snapshot = Optional.of(streams.find(StreamId.of(id.toString())));
                } catch (StreamNotFoundException e) {
                    // stays empty: the page says so and answers 404
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
