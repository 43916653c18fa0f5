package io.relaycast.application.delivery.sfu;

import io.relaycast.application.signaling.protocol.PeerId;
import io.relaycast.domain.model.stream.StreamId;

/**
 * The SFU instance feeding this viewer was lost (one of several): the viewer is to be subscribed
 * again, wherever the SFU places it now, and gets a new offer without reloading its page.
 */
public record SfuViewerMoved(StreamId room, PeerId viewer) {
}
