package io.relaycast.interfaces.rest;

import io.relaycast.application.access.WatchPolicy;
import io.relaycast.domain.model.access.Watcher;
import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.interfaces.security.Watchers;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Provider;

/**
 * Every API path about one stream ({@code /livestream/{streamId}/…}: the stream, joining, chat,
 * likes, pins, stats, recording, thumbnail, topology…) first needs the right to watch it — one
 * check for all of them, so a new endpoint cannot forget it. The owner and admins always pass;
 * owner-only actions check ownership on top. {@code ?invite=} carries an invite link's token.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class WatchAccessFilter implements ContainerRequestFilter {

    @Context
    UriInfo uriInfo;

    @Context
    SecurityContext security;

    @Context
    HttpServletRequest request;

    @Inject
    WatchPolicy policy;

    @Inject
    Watchers watchers;

    @Override
    public void filter(ContainerRequestContext ctx) {
        String streamId = uriInfo.getPathParameters().getFirst("streamId");
        if (streamId == null) {
            return;
        }
        Watcher w = watchers.of(security, uriInfo.getQueryParameters().getFirst("invite"));
        policy.requireMayWatch(StreamId.of(streamId), w, watchers.holder(w, request));
    }
}
