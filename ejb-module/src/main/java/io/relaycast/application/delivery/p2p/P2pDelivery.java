package io.relaycast.application.delivery.p2p;

import io.relaycast.application.delivery.BroadcasterAddressing;
import io.relaycast.application.delivery.Delivery;
import io.relaycast.application.routing.Participant;
import io.relaycast.application.routing.RoomRouter;
import io.relaycast.application.signaling.protocol.SignalCommand;
import io.relaycast.domain.model.stream.DeliveryMode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Browser to browser: the broadcaster's page offers a connection to every viewer, and the server
 * only passes offers, answers and candidates between the broadcaster and each viewer.
 */
@ApplicationScoped
public class P2pDelivery implements Delivery {

    private RoomRouter router;

    /** For the container's proxy. */
    protected P2pDelivery() {
    }

    @Inject
    public P2pDelivery(RoomRouter router) {
        this.router = router;
    }

    @Override
    public DeliveryMode mode() {
        return DeliveryMode.P2P;
    }

    /** The broadcaster's page offers to each viewer: it must hear of every one, however large the room. */
    @Override
    public boolean broadcasterMeetsEachViewer() {
        return true;
    }

    @Override
    public Participant addressee(Participant from, SignalCommand.Relay message) {
        return BroadcasterAddressing.addressee(router, from, message);
    }
}
