package io.relaycast.application.viewer;

/** Live numbers of a room, as {@code stream:joined} and {@code stream_update} carry them. */
public record RoomStats(long viewers, long peak, long likes) {
}
