package io.relaycast.application.ingest.browser;

import io.relaycast.application.ice.IceServerProvider;
import io.relaycast.application.ingest.PublisherSeat;
import io.relaycast.application.routing.Participant;
import io.relaycast.application.routing.Peer;
import io.relaycast.application.routing.RoomLocks;
import io.relaycast.application.routing.RoomRouter;
import io.relaycast.application.signaling.LargeRooms;
import io.relaycast.application.signaling.RoomStatistics;
import io.relaycast.application.signaling.StreamFacts;
import io.relaycast.application.signaling.protocol.PeerRole;
import io.relaycast.application.signaling.protocol.SignalEvent;
import io.relaycast.application.signaling.protocol.SignalingException;
import io.relaycast.domain.model.shared.UserId;
import io.relaycast.domain.model.stream.StreamKey;
import io.relaycast.domain.model.stream.StreamId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Publishing from the console's browser page: its signaling socket joins as the broadcaster, with
 * the stream's key or its owner's sign-in, and then negotiates media as the stream's delivery wants
 * (offers to viewers, or {@code sfu:publish}).
 */
@ApplicationScoped
public class BrowserIngest {

    private RoomRouter router;
    private RoomLocks locks;
    private PublisherSeat seat;
    private RoomStatistics statistics;
    private IceServerProvider iceServers;
    private LargeRooms largeRooms;

    /** For the container's proxy. */
    protected BrowserIngest() {
    }

    @Inject
    public BrowserIngest(RoomRouter router, RoomLocks locks, PublisherSeat seat, RoomStatistics statistics,
            IceServerProvider iceServers, LargeRooms largeRooms) {
        this.router = router;
        this.locks = locks;
        this.seat = seat;
        this.statistics = statistics;
        this.iceServers = iceServers;
        this.largeRooms = largeRooms;
    }

    /** The broadcaster's session, once its {@code stream:joined} is sent; {@code stream} is open (not ended). */
    public Participant join(Peer transport, StreamId streamId, StreamFacts stream, StreamKey key, UserId principal) {
        if (!stream.admitsBroadcaster(principal, key)) {
            throw new SignalingException("forbidden",
                    "Broadcasting needs this stream's key (or signing in as its owner).");
        }
        return locks.inRoom(streamId, () -> {
            if (router.broadcaster(streamId).filter(Participant::isEncoder).isPresent()) {
                return observer(transport, streamId, stream);
            }
            Participant p = new Participant(streamId, PeerRole.BROADCASTER, stream.owner(), null, transport);
            p.delivery(stream.delivery());
            seat.take(p, () -> {
                // a large room's audience is a count (stream_update), not a list of a thousand members
                List<SignalEvent.AudienceMember> audience = !largeRooms.tellsEachViewer(p) ? List.of()
                        : router.members(streamId).stream().filter(Participant::isAdmittedViewer)
                                .map(Participant::asAudienceMember).toList();
                p.send(new SignalEvent.Joined(streamId, p.peerId(), p.role(), stream.status(), stream.delivery(),
                        statistics.recent(streamId), audience, null, null,
                        iceServers.iceServersFor(stream.owner().value())));
            });
            return p;
        });
    }

    /**
     * An encoder feeds the stream: the studio page follows the room (chat, counts, reactions) as an
     * observer — neither the seat (the encoder keeps it) nor a viewer's place (it is not counted).
     */
    private Participant observer(Peer transport, StreamId streamId, StreamFacts stream) {
        Participant p = new Participant(streamId, PeerRole.VIEWER, stream.owner(), null, transport);
        p.delivery(stream.delivery());
        p.markObserver();
        router.add(p);
        p.send(new SignalEvent.Joined(streamId, p.peerId(), p.role(), stream.status(), stream.delivery(),
                statistics.recent(streamId), List.of(), null, router.broadcaster(streamId).map(Participant::peerId)
                .orElse(null), iceServers.iceServersFor(stream.owner().value())));
        return p;
    }
}
