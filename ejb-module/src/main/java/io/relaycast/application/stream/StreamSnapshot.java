package io.relaycast.application.stream;

import io.relaycast.domain.model.stream.Livestream;
import java.util.List;

/** A stream together with how many viewers are watching it right now, and its tags. */
public record StreamSnapshot(Livestream stream, long currentViewers, List<String> tags) {

    public StreamSnapshot(Livestream stream, long currentViewers) {
        this(stream, currentViewers, List.of());
    }
}
