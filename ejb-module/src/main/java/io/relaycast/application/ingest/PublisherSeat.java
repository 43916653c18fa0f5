package io.relaycast.application.ingest;

import io.relaycast.application.delivery.Deliveries;
import io.relaycast.application.routing.CloseCause;
import io.relaycast.application.routing.GraceTimers;
import io.relaycast.application.routing.Participant;
import io.relaycast.application.routing.RoomRouter;
import io.relaycast.application.signaling.protocol.SignalEvent;
import io.relaycast.domain.model.stream.StreamId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The broadcaster's seat of a room, whichever way the publisher's media comes in (a browser today;
 * WHIP and RTMP encoders seat theirs here too): a newer publisher session takes over an older one,
 * a returning one ends the grace period, viewers learn that a new session will feed them, and the
 * stream's delivery takes the publisher as its source.
 */
@ApplicationScoped
public class PublisherSeat {

    private RoomRouter router;
    private GraceTimers grace;
    private Deliveries deliveries;

    /** For the container's proxy. */
    protected PublisherSeat() {
    }

    @Inject
    public PublisherSeat(RoomRouter router, GraceTimers grace, Deliveries deliveries) {
        this.router = router;
        this.grace = grace;
        this.deliveries = deliveries;
    }

    /**
     * Seats a publisher whose right to publish was proven; under the room's lock. {@code welcome}
     * runs once it is in the room, before the viewers hear of it.
     */
    public void take(Participant publisher, Runnable welcome) {
        StreamId streamId = publisher.streamId();
        Participant previous = router.broadcaster(streamId).orElse(null);
        boolean wasWaiting = grace.cancel(streamId);
        if (previous != null) {
            previous.markDetached();
            router.remove(previous);
            previous.send(new SignalEvent.Error("replaced",
                    "Another broadcaster session for this stream took over; this one is closed."));
            previous.close(CloseCause.REPLACED);
            deliveries.of(previous).released(previous);
        }
        router.add(publisher);
        welcome.run();
        if (previous != null || wasWaiting) {
            // Viewers drop their old peer connection and wait for the new session's offer.
            router.publish(streamId, new SignalEvent.BroadcasterRejoined(publisher.peerId()), m -> !m.isBroadcaster());
        }
        deliveries.of(publisher).broadcasterJoined(publisher);
    }
}
