package io.relaycast.application.delivery.sfu;

import io.relaycast.application.signaling.protocol.PeerId;
import io.relaycast.domain.model.stream.StreamId;

/** A publisher's media is in this server's SFU room (a browser's or an encoder's; again after a reconnect). */
public record SfuPublished(StreamId streamId, PeerId publisher) {
}
