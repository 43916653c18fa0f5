package io.relaycast.application.signaling;

import io.relaycast.application.delivery.Deliveries;
import io.relaycast.application.routing.Participant;
import io.relaycast.application.routing.RoomRouter;
import io.relaycast.domain.model.stream.StreamId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Large-room mode (LiveKit's "livestream" rooms): from {@code LARGE_ROOM_VIEWERS} admitted viewers
 * on, the broadcaster is no longer told of each viewer who comes and goes (unless its delivery
 * connects to each one itself: peer to peer), its {@code stream:joined} lists no audience, and
 * viewers get the room's figures every {@code LARGE_ROOM_UPDATE_SECONDS} instead of at every change;
 * the broadcaster's console still gets every update. A join storm of a thousand then costs the
 * server messages in proportion to the audience, not to its square.
 */
@ApplicationScoped
public class LargeRooms {

    @Inject
    @ConfigProperty(name = "large-room.viewers", defaultValue = "200")
    int threshold;

    @Inject
    @ConfigProperty(name = "large-room.update-seconds", defaultValue = "5")
    int updateSeconds;

    @Inject
    RoomRouter router;

    @Inject
    Deliveries deliveries;

    /** For CDI. */
    public LargeRooms() {
    }

    /** With these settings ({@code threshold} 0: never large), for tests. */
    public LargeRooms(RoomRouter router, Deliveries deliveries, int threshold, int updateSeconds) {
        this.router = router;
        this.deliveries = deliveries;
        this.threshold = threshold;
        this.updateSeconds = updateSeconds;
    }

    /** Whether the room has reached the large-room audience (admitted viewers, every node of a cluster). */
    public boolean isLarge(StreamId streamId) {
        if (threshold <= 0) {
            return false;
        }
        int viewers = 0;
        for (Participant p : router.members(streamId)) {
            if (p.isAdmittedViewer() && ++viewers >= threshold) {
                return true;
            }
        }
        return false;
    }

    /** Whether this broadcaster hears of each viewer who joins or leaves its room. */
    public boolean tellsEachViewer(Participant broadcaster) {
        return deliveries.of(broadcaster).broadcasterMeetsEachViewer() || !isLarge(broadcaster.streamId());
    }

    /** How often viewers of a large room get the room's figures. */
    public long viewerUpdateMillis() {
        return updateSeconds * 1000L;
    }
}
