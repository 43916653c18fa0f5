package io.relaycast.application.signaling;

import io.relaycast.application.routing.Participant;
import io.relaycast.application.routing.Peer;
import io.relaycast.application.routing.RoomLocks;
import io.relaycast.application.routing.RoomRouter;
import io.relaycast.application.signaling.protocol.Playback;
import io.relaycast.application.signaling.protocol.PeerRole;
import io.relaycast.application.signaling.protocol.SignalCommand;
import io.relaycast.application.signaling.protocol.SignalEvent;
import io.relaycast.application.signaling.protocol.SignalingException;
import io.relaycast.application.ice.IceServerProvider;
import io.relaycast.application.viewer.RoomStats;
import io.relaycast.application.viewer.ViewerAdmission;
import io.relaycast.application.viewer.ViewerService;
import io.relaycast.application.viewer.UnconfirmedViewers;
import io.relaycast.application.limits.JoinLimits;
import io.relaycast.domain.model.shared.DomainException;
import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.domain.model.stream.StreamStatus;
import io.relaycast.domain.model.shared.UserId;
import io.relaycast.domain.model.viewer.ViewerId;
import io.relaycast.application.delivery.Deliveries;
import io.relaycast.application.ingest.browser.BrowserIngest;
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
 * Who may join a room as what: a broadcaster session publishes through its ingest
 * ({@link BrowserIngest}); viewers get a viewing session on live streams and wait for it on
 * scheduled ones, then are handed to the stream's delivery.
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
    RoomStatistics statistics;

    @Inject
    JoinLimits joinLimits;

    @Inject
    LargeRooms largeRooms;

    @Inject
    Deliveries deliveries;

    @Inject
    BrowserIngest browser;

    @Inject
    UnconfirmedViewers unconfirmed;


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
                ? CompletableFuture.completedFuture(
                        browser.join(transport, streamId, openStream(streamId), join.streamKey(), principal))
                : joinAsViewer(transport, streamId, join, principal);
    }

    private CompletionStage<Participant> joinAsViewer(Peer transport, StreamId streamId, SignalCommand.Join join,
                                                      UserId principal) {
        ViewerId adopt = join.viewerId();
        StreamFacts stream = openStream(streamId);
        if (adopt == null) {
            // per address and per stream, whether it is live or the viewer waits for the start
            joinLimits.admit(transport.clientAddress(), streamId);
        }
        if (adopt == null && stream.status() == StreamStatus.LIVE) {
            // The row is group-committed with other joins, outside the room's lock and off this thread.
            return viewers.joinAsync(streamId, UserId.valueOrNull(principal))
                    .thenApplyAsync(admission -> enter(transport, streamId, stream, join, admission, principal),
                            continuations);
        }
        Participant p = enter(transport, streamId, stream, join, null, principal);
        if (!p.isAdmittedViewer() && stream.status() != StreamStatus.LIVE
                && facts.get(streamId).status() == StreamStatus.LIVE) {
            // it went live between this viewer's look at the stream and its entry into the waiting
            // room, after the waiting viewers were admitted: admitted now rather than never
            admitWaitingViewers(streamId);
        }
        return CompletableFuture.completedFuture(p);
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
                admission = viewers.adopt(streamId, adopt.value());
                unconfirmed.confirmed(adopt.value());
            }
            Participant p = new Participant(streamId, PeerRole.VIEWER, principal,
                    admission == null ? null : new ViewerId(admission.viewerId()), transport);
            p.delivery(stream.delivery());
            p.relayPrefs(join.relay());
            // asked of a delivery without HLS, the page gets what that delivery sends (stream:joined names the delivery)
            p.playback(deliveries.of(p).offers(join.playback()) ? join.playback() : Playback.WEBRTC);
            Participant b = router.broadcaster(streamId).orElse(null);
            router.add(p);
            // A new session's own transaction counted the room; otherwise the recent reading will do
            RoomStats figures = admission != null && admission.room() != null ? admission.room()
                    : statistics.recent(streamId);
            p.send(new SignalEvent.Joined(streamId, p.peerId(), p.role(), stream.status(), stream.delivery(),
                    figures, List.of(), p.viewerId(), b == null ? null : b.peerId(),
                    // TURN credentials only with a viewing session; a waiting viewer gets them when admitted
                    admission != null ? admission.iceServers() : iceServers.publicServers()));
            if (b != null && p.isAdmittedViewer() && largeRooms.tellsEachViewer(b)) {
                b.send(new SignalEvent.ViewerJoined(p.asAudienceMember()));
            }
            deliveries.of(p).viewerReady(p);
            return p;
        });
    }

    /** After a stream went live: viewers who were waiting here get their viewing session now. */
    public void admitWaitingViewers(StreamId streamId) {
        locks.inRoom(streamId, () -> {
            Participant b = router.broadcaster(streamId).orElse(null);
            for (Participant p : router.local().members(streamId)) {
                if (p.isBroadcaster() || p.viewerId() != null || p.isObserver()) {
                    continue;
                }
                try {
                    ViewerAdmission admission = viewers.join(streamId, UserId.valueOrNull(p.userId()));
                    p.viewerId(new ViewerId(admission.viewerId()));
                    router.updated(p);
                    p.send(new SignalEvent.Admitted(p.viewerId(), admission.iceServers()));
                    if (b != null && largeRooms.tellsEachViewer(b)) {
                        b.send(new SignalEvent.ViewerJoined(p.asAudienceMember()));
                    }
                    deliveries.of(p).viewerReady(p);
                } catch (DomainException e) {
                    // e.g. the stream is full: the viewer is told why it keeps waiting
                    p.send(new SignalEvent.Error(e.code(), e.getMessage(), null, 0));
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
        if (stream.status() == StreamStatus.CANCELLED) {
            throw new SignalingException("stream-cancelled", "This stream was cancelled.");
        }
        return stream;
    }
}
