package io.relaycast.application.signaling.protocol;

/**
 * An event → its wire text. The wire protocol belongs to the WebSocket module; a cluster router
 * needs it to hand events to the server that holds a member's socket, so the module registers its
 * encoder with {@link WireCodec} when it starts.
 */
@FunctionalInterface
public interface SignalEventCodec {

    String encode(SignalEvent event);
}
