package io.relaycast.application.routing;

import io.relaycast.domain.model.stream.StreamId;

/** A room's grace timer ran out on this server, though another server started it (a cluster's timers). */
public record GraceExpired(StreamId streamId) {
}
