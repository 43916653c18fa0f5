package io.relaycast.application.delivery;

import io.relaycast.application.routing.Participant;
import io.relaycast.application.routing.RoomRouter;
import io.relaycast.application.signaling.protocol.PeerId;
import io.relaycast.application.signaling.protocol.RelayKind;
import io.relaycast.application.signaling.protocol.SignalCommand;
import io.relaycast.application.signaling.protocol.SignalingException;

/**
 * Negotiation with the broadcaster only: the broadcaster names a viewer; a viewer can only reach the
 * broadcaster. The rule of {@code p2p} delivery, and of the browser-to-browser messages an
 * {@code sfu} stream allows.
 */
public final class BroadcasterAddressing {

    private BroadcasterAddressing() {
    }

    public static Participant addressee(RoomRouter router, Participant from, SignalCommand.Relay msg) {
        return from.isBroadcaster() ? viewerAddressedBy(router, from, msg) : broadcasterFor(router, from, msg);
    }

    private static Participant viewerAddressedBy(RoomRouter router, Participant broadcaster, SignalCommand.Relay msg) {
        if (msg.kind() == RelayKind.ANSWER) {
            throw new SignalingException("forbidden", "The broadcaster sends offers, not answers.");
        }
        PeerId to = msg.to();
        if (to == null) {
            throw new SignalingException("bad-message",
                    msg.kind().wireType() + " from the broadcaster needs 'to' (a viewer's peerId).");
        }
        return router.find(broadcaster.streamId(), to).filter(m -> !m.isBroadcaster())
                .orElseThrow(() -> new SignalingException("unknown-peer", "No viewer '" + to + "' in this room."));
    }

    private static Participant broadcasterFor(RoomRouter router, Participant viewer, SignalCommand.Relay msg) {
        if (msg.kind() == RelayKind.OFFER) {
            throw new SignalingException("forbidden", "Only the broadcaster sends offers.");
        }
        Participant b = router.broadcaster(viewer.streamId()).orElse(null);
        PeerId to = msg.to();
        if (to != null && (b == null || !to.equals(b.peerId()))) {
            boolean inRoom = router.find(viewer.streamId(), to).isPresent();
            throw new SignalingException(inRoom ? "forbidden" : "unknown-peer",
                    inRoom ? "A viewer may only address the broadcaster." : "No peer '" + to + "' in this room.");
        }
        if (b == null) {
            throw new SignalingException("no-broadcaster", "The broadcaster is not connected.");
        }
        return b;
    }
}
