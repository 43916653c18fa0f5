package io.relaycast.application.events;

import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.domain.model.pin.PinnedItem;

/** A pin was added ({@code pin} set) or removed ({@code pin} null) on a stream. */
public record PinChanged(StreamId streamId, String pinId, PinnedItem pin) {
}
