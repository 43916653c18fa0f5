package io.relaycast.application;

import io.relaycast.domain.model.Livestream;

/** A stream together with how many viewers are watching it right now. */
public record StreamSnapshot(Livestream stream, long currentViewers) {
}
