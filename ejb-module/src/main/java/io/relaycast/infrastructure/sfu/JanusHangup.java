package io.relaycast.infrastructure.sfu;

/** Janus closed the PeerConnection of one of our handles by itself ({@code "janus":"hangup"}). */
record JanusHangup(long handle, String reason) {
}
