package io.relaycast.application.signaling;

import io.relaycast.application.IceServerProvider;
import io.relaycast.application.RoomStats;
import io.relaycast.application.ViewerAdmission;
import io.relaycast.application.ViewerService;
import io.relaycast.application.UnconfirmedViewers;
import io.relaycast.application.limits.JoinLimits;
import io.relaycast.domain.model.DomainException;
import io.relaycast.domain.model.StreamId;
import io.relaycast.domain.model.StreamStatus;
import io.relaycast.domain.model.UserId;
import io.relaycast.domain.model.ViewerId;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.logging.Logger;

/**
 * Who may join a room as what: broadcaster sessions prove ownership and take over older ones;
 * viewers get a viewing session on live streams and wait for it on scheduled ones.
 */
@ApplicationScoped
public class RoomAdmission {

    private static final Logger LOG = Logger.getLogger(RoomAdmission.class.getName());

    @Inject
    StreamFactsCache facts;

    @Inject
    ViewerService viewers;

    @Inject
    IceServerProvider iceServers;

    @Inject
    RoomRouter router;

    @Inject
    RoomLocks locks;

    @Inject
    GraceTimers grace;

    @Inject
    RoomStatistics statistics;

    @Inject
    JoinLimits joinLimits;

    @Inject
    SfuDelivery sfu;

    @Inject
    UnconfirmedViewers unconfirmed;

    @Inject
    RelayDelivery relay;

    @Resource
    ManagedExecutorService executor;

    /** Where a join goes on once its viewer row is committed (not the database writer's own thread). */
    Executor continuations;

    @PostConstruct
    void init() {
        continuations = executor;
    }

    /**
     * The new participant, once its {@code stream:joined} is sent. Rules broken up front are thrown at
     * once; a viewer that needs a viewing session completes later, when its row is committed.
     */
    public CompletionStage<Participant> join(Peer transport, StreamId streamId, SignalCommand.Join join,
                                             UserId principal) {
        return join.role() == PeerRole.BROADCASTER
                ? CompletableFuture.completedFuture(joinAsBroadcaster(transport, streamId, join, principal))
                : joinAsViewer(transport, streamId, join, principal);
    }

    private Participant joinAsBroadcaster(Peer transport, StreamId streamId, SignalCommand.Join join,
                                          UserId principal) {
        StreamFacts stream = openStream(streamId);
        if (!stream.admitsBroadcaster(principal, join.streamKey())) {
            throw new SignalingException("forbidden",
                    "Broadcasting needs this stream's key (or signing in as its owner).");
        }
        return locks.inRoom(streamId, () -> {
            Participant previous = router.broadcaster(streamId).orElse(null);
            boolean wasWaiting = grace.cancel(streamId);
            Participant p = new Participant(streamId, PeerRole.BROADCASTER, stream.owner(), null, transport);
            p.delivery(stream.delivery());
            if (previous != null) {
                previous.markDetached();
                router.remove(previous);
                previous.send(new SignalEvent.Error("replaced",
                        "Another broadcaster session for this stream took over; this one is closed."));
                previous.close(CloseCause.REPLACED);
                sfu.left(previous);
            }
            router.add(p);
            List<SignalEvent.AudienceMember> audience = router.members(streamId).stream()
                    .filter(Participant::isAdmittedViewer).map(Participant::asAudienceMember).toList();
            p.send(new SignalEvent.Joined(streamId, p.peerId(), p.role(), stream.status(), stream.delivery(),
                    statistics.recent(streamId), audience, null, null, iceServers.iceServersFor(stream.owner().value())));
            if (previous != null || wasWaiting) {
                // Viewers drop their old peer connection and wait for the new session's offer.
                router.publish(streamId, new SignalEvent.BroadcasterRejoined(p.peerId()), m -> !m.isBroadcaster());
            }
            relay.broadcasterJoined(p);
            return p;
        });
    }

    private CompletionStage<Participant> joinAsViewer(Peer transport, StreamId streamId, SignalCommand.Join join,
                                                      UserId principal) {
        ViewerId adopt = join.viewerId();
        StreamFacts stream = openStream(streamId);
        if (adopt == null && stream.status() == StreamStatus.LIVE) {
            // The row is group-committed with other joins, outside the room's lock and off this thread.
            joinLimits.admit(null, streamId.value());
            return viewers.joinAsync(streamId.value(), UserId.valueOrNull(principal))
                    .thenApplyAsync(admission -> enter(transport, streamId, stream, join, admission, principal),
                            continuations);
        }
        return CompletableFuture.completedFuture(enter(transport, streamId, stream, join, null, principal));
    }

    private Participant enter(Peer transport, StreamId streamId, StreamFacts stream, SignalCommand.Join join,
                              ViewerAdmission opened, UserId principal) {
        ViewerId adopt = opened == null ? join.viewerId() : null;
        return locks.inRoom(streamId, () -> {
            ViewerAdmission admission = opened;
            if (adopt != null) {
                boolean connected = router.members(streamId).stream().anyMatch(m -> adopt.equals(m.viewerId()));
                if (connected) {
                    throw new SignalingException("already-joined", "That viewer session is already connected.");
                }
                admission = viewers.adopt(streamId.value(), adopt.value());
                unconfirmed.confirmed(adopt.value());
            }
            Participant p = new Participant(streamId, PeerRole.VIEWER, principal,
                    admission == null ? null : new ViewerId(admission.viewerId()), transport);
            p.delivery(stream.delivery());
            p.relayPrefs(join.relay());
            Participant b = router.broadcaster(streamId).orElse(null);
            router.add(p);
            // A new session's own transaction counted the room; otherwise the recent reading will do
            RoomStats figures = admission != null && admission.room() != null ? admission.room()
                    : statistics.recent(streamId);
            p.send(new SignalEvent.Joined(streamId, p.peerId(), p.role(), stream.status(), stream.delivery(),
                    figures, List.of(), p.viewerId(), b == null ? null : b.peerId(),
                    // TURN credentials only with a viewing session; a waiting viewer gets them when admitted
                    admission != null ? admission.iceServers() : iceServers.publicServers()));
            if (b != null && p.isAdmittedViewer()) {
                b.send(new SignalEvent.ViewerJoined(p.asAudienceMember()));
            }
            sfu.viewerReady(p);
            relay.viewerReady(p);
            return p;
        });
    }

    /** After a stream went live: viewers who were waiting here get their viewing session now. */
    public void admitWaitingViewers(StreamId streamId) {
        locks.inRoom(streamId, () -> {
            Participant b = router.broadcaster(streamId).orElse(null);
            for (Participant p : router.localMembers(streamId)) {
                if (p.isBroadcaster() || p.viewerId() != null) {
                    continue;
                }
                try {
                    ViewerAdmission admission = viewers.join(streamId.value(), UserId.valueOrNull(p.userId()));
                    p.viewerId(new ViewerId(admission.viewerId()));
                    router.admitted(p);
                    p.send(new SignalEvent.Admitted(p.viewerId(), admission.iceServers()));
                    if (b != null) {
                        b.send(new SignalEvent.ViewerJoined(p.asAudienceMember()));
                    }
                    sfu.viewerReady(p);
                    relay.viewerReady(p);
                } catch (DomainException e) {
                    LOG.fine(() -> "Could not admit waiting viewer: " + e.getMessage());
                }
            }
        });
    }

    private StreamFacts openStream(StreamId streamId) {
        StreamFacts stream = facts.get(streamId);
        if (stream.status() == StreamStatus.ENDED) {
            throw new SignalingException("stream-ended", "This stream has ended.");
        }
        return stream;
    }
}
