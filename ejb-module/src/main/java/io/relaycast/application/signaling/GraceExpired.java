package io.relaycast.application.signaling;

import io.relaycast.domain.model.StreamId;

/** A room's grace timer ran out on this server, though another server started it (a cluster's timers). */
public record GraceExpired(StreamId streamId) {
}
