package io.relaycast.application.delivery.sfu;

import io.relaycast.application.signaling.protocol.PeerId;

/**
 * The SFU dropped one peer's media connection by itself (ICE failed, the DTLS session was closed):
 * a browser notices and publishes again; an encoder that went away without saying so does not,
 * so its ingest gives the seat up. Fired asynchronously.
 */
public record SfuPeerLost(PeerId peer, String reason) {
}
