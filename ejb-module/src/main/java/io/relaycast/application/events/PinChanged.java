package io.relaycast.application.events;

import io.relaycast.domain.model.PinnedItem;

/** A pin was added ({@code pin} set) or removed ({@code pin} null) on a stream. */
public record PinChanged(String streamId, String pinId, PinnedItem pin) {
}
