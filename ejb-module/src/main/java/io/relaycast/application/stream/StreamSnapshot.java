package io.relaycast.application.stream;

import io.relaycast.domain.model.stream.Livestream;

/** A stream together with how many viewers are watching it right now. */
public record StreamSnapshot(Livestream stream, long currentViewers) {
}
