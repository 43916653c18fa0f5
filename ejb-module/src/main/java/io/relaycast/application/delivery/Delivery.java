package io.relaycast.application.delivery;

import io.relaycast.application.routing.Participant;
import io.relaycast.application.signaling.protocol.Playback;
import io.relaycast.application.signaling.protocol.SignalCommand;
import io.relaycast.application.signaling.protocol.SignalingException;
import io.relaycast.domain.model.stream.DeliveryMode;
import io.relaycast.domain.model.stream.StreamId;

/**
 * How a stream's media reaches its viewers: one implementation per {@link DeliveryMode}
 * ({@code p2p}, {@code relay}, {@code sfu}), chosen per stream by {@link Deliveries}. The room rules
 * call it at each turn of a member's life and never ask which mode a stream has; a command that
 * does not belong to a mode is refused by that mode. A new delivery kind is a new implementation.
 */
public interface Delivery {

    DeliveryMode mode();

    /** A broadcaster session (new, or returning within the grace period) is in the room; under the room's lock. */
    default void broadcasterJoined(Participant broadcaster) {
    }

    /** A viewer with a viewing session is in the room (just joined, or admitted at the start); under the room's lock. */
    default void viewerReady(Participant viewer) {
    }

    /** A session is out of the room, whatever the cause (drop, takeover, end): what media engines hold for it goes. */
    default void released(Participant member) {
    }

    /** A member left of its own accord (not replaced, not at the end): the delivery mends around it; under the lock. */
    default void left(Participant member) {
    }

    /**
     * Whether the broadcaster's page hears of every viewer who comes and goes because it connects to
     * each one itself; otherwise a large room spares it those messages ({@code LargeRooms}).
     */
    default boolean broadcasterMeetsEachViewer() {
        return false;
    }

    /** Who a relayed offer, answer or candidate goes to; refused with a {@link SignalingException} when not allowed. */
    Participant addressee(Participant from, SignalCommand.Relay message);

    /** A viewer's connection measurements ({@code stats}). */
    default void measured(Participant viewer, SignalCommand.Stats stats) {
    }

    /** {@code relay:lost-parent}: the viewer's video stalled. */
    default void lostParent(Participant viewer) {
        throw new SignalingException("forbidden", "relay:lost-parent is for viewers of a relay stream.");
    }

    /** An {@code sfu:*} message. */
    default void negotiate(Participant from, SignalCommand.SfuNegotiation command) {
        throw new SignalingException("bad-message", "This stream is delivered peer to peer, not through the SFU.");
    }

    /** Whether viewers may receive this delivery's media that way: WebRTC always; only the SFU has HLS too. */
    default boolean offers(Playback playback) {
        return playback == Playback.WEBRTC;
    }

    /** {@code stream:transport}: a viewer's page changes how it receives the media; refused when not {@link #offers offered}. */
    default void playbackChanged(Participant viewer, Playback playback) {
        if (!offers(playback)) {
            throw new SignalingException("hls-unavailable", "This stream is not delivered through the SFU: it has no "
                    + "HLS rendition.");
        }
    }

    /** The room closed (the stream ended). Every delivery hears it, whatever the stream's mode was. */
    default void roomClosed(StreamId room) {
    }
}
