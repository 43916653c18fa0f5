package io.relaycast.application.signaling;

import io.relaycast.application.delivery.relay.RelayDelivery;
import io.relaycast.application.delivery.relay.RelayMetrics;
import io.relaycast.application.delivery.relay.RelayTrees;
import io.relaycast.application.delivery.sfu.SfuDelivery;
import io.relaycast.application.routing.Participant;
import io.relaycast.application.routing.Peer;
import io.relaycast.application.signaling.protocol.PeerId;
import io.relaycast.application.signaling.protocol.SignalCommand;
import io.relaycast.application.signaling.SignalingFakes.Chat;
import io.relaycast.application.signaling.SignalingFakes.CountingMetrics;
import io.relaycast.application.signaling.SignalingFakes.ManualGraceTimers;
import io.relaycast.application.signaling.SignalingFakes.RecordingPeer;
import io.relaycast.application.signaling.SignalingFakes.Streams;
import io.relaycast.application.signaling.SignalingFakes.Viewers;
import io.relaycast.application.access.StaffRoles;
import io.relaycast.application.viewer.UnconfirmedViewers;
import io.relaycast.application.analytics.ViewerQuality;
import io.relaycast.application.limits.JoinLimits;
import io.relaycast.application.limits.RateBucketStore;
import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.domain.model.stream.StreamKey;
import io.relaycast.domain.model.shared.UserId;
import io.relaycast.infrastructure.room.InMemoryRoomLocks;
import io.relaycast.infrastructure.room.InMemoryRoomRouter;
import io.relaycast.infrastructure.room.LocalNode;
import io.relaycast.application.delivery.Deliveries;
import io.relaycast.application.delivery.p2p.P2pDelivery;
import io.relaycast.application.delivery.relay.RelayRepair;
import io.relaycast.application.delivery.relay.RelayTreeStore;
import io.relaycast.application.ingest.PublisherSeat;
import io.relaycast.application.ingest.browser.BrowserIngest;
import java.util.List;
import java.util.concurrent.CompletionException;

/** The signaling rules wired by hand with plain fakes, as CDI wires them in the server. */
final class SignalingRig {

    final Streams streams = new Streams();
    final Viewers viewers = new Viewers();
    final Chat chat = new Chat();
    final InMemoryRoomRouter router = new InMemoryRoomRouter();
    final ManualGraceTimers grace = new ManualGraceTimers();
    final CountingMetrics metrics = new CountingMetrics();
    final SignalingService signaling = new SignalingService();
    final FakeSfu sfu = new FakeSfu();
    final RoomLifecycle lifecycle = new RoomLifecycle();
    /** Rooms of this many viewers are large (the rules' tests mostly use a handful). */
    static final int LARGE_ROOM = 6;
    final LargeRooms largeRooms;
    private final RoomAdmission admission;
    /** Counts re-parented viewers instead of publishing metrics. */
    final CountingRepairs repairs = new CountingRepairs();

    static final class CountingRepairs extends RelayMetrics {
        int moved;

        @Override
        public void repaired(int viewers, long nanos) {
            moved += viewers;
        }
    }

    SignalingRig() {
        SignalingSettings settings = new SignalingSettings();
        settings.broadcasterGraceSeconds = 30;
        settings.maxSdpBytes = 32768;
        settings.maxCandidateBytes = 2048;
        settings.maxRelaysPerSecond = 10;
        InMemoryRoomLocks locks = new InMemoryRoomLocks();
        RoomStatistics statistics = new RoomStatistics();
        statistics.streams = streams;

        admission = new RoomAdmission();
        // Reads the fake every time: the rules' tests change streams behind the cache's back.
        long[] clock = {0};
        admission.facts = StreamFactsCache.of(id -> StreamFacts.of(streams.find(id).stream()),
                () -> clock[0] += StreamFactsCache.TTL_NANOS);
        admission.viewers = viewers;
        admission.continuations = Runnable::run;
        admission.iceServers = new SignalingFakes.Ice();
        admission.router = router;
        admission.locks = locks;
        admission.statistics = statistics;
        admission.joinLimits = new JoinLimits(1000, 1000, RateBucketStore.local());
        admission.unconfirmed = new UnconfirmedViewers();

        SfuDelivery sfuDelivery = new SfuDelivery(sfu, router, new LocalNode());
        RelayTrees trees = new RelayTrees(admission.facts, RelayTreeStore.NONE);
        RelayDelivery relayDelivery = new RelayDelivery(router, locks, trees, new RelayRepair(router, trees, repairs));
        Deliveries deliveries = new Deliveries(List.of(new P2pDelivery(router), relayDelivery, sfuDelivery));
        PublisherSeat seat = new PublisherSeat(router, grace, deliveries);
        admission.largeRooms = largeRooms = new LargeRooms(router, deliveries, LARGE_ROOM, 5);
        lifecycle.largeRooms = largeRooms;
        admission.browser = new BrowserIngest(router, locks, seat, statistics, admission.iceServers, largeRooms);
        admission.deliveries = deliveries;
        lifecycle.deliveries = deliveries;
        signaling.deliveries = deliveries;
        signaling.relayTree = relayDelivery;

        SignalRelay relay = new SignalRelay();
        relay.deliveries = deliveries;
        relay.metrics = metrics;
        relay.settings = settings;
        relay.clock = SignalingFakes.fixedClock();

        lifecycle.streams = streams;
        lifecycle.viewers = viewers;
        lifecycle.router = router;
        lifecycle.locks = locks;
        lifecycle.grace = grace;
        lifecycle.settings = settings;

        signaling.admission = admission;
        signaling.relay = relay;
        signaling.lifecycle = lifecycle;
        signaling.streams = streams;
        signaling.chat = chat;
        signaling.roles = new StaffRoles();
        signaling.quality = new ViewerQuality();
        signaling.clock = SignalingFakes.fixedClock();
    }

    RoomAdmission admission() {
        return admission;
    }

    /** A join, its outcome unwrapped: the participant, or the rule it broke thrown as it is. */
    Participant joinNow(Peer peer, StreamId streamId, SignalCommand.Join join, UserId principal) {
        try {
            return signaling.join(peer, streamId, join, principal).toCompletableFuture().join();
        } catch (CompletionException e) {
            throw (RuntimeException) e.getCause();
        }
    }

    /** A member of a room together with what it was sent. */
    record Member(Participant participant, RecordingPeer peer) {
        PeerId peerId() {
            return participant.peerId();
        }
    }

    Member broadcasterWithKey(StreamId streamId, String key) {
        RecordingPeer peer = new RecordingPeer();
        return new Member(joinNow(peer, streamId, SignalCommand.Join.broadcaster(StreamKey.of(key)), null),
                peer);
    }

    Member viewer(StreamId streamId, String user) {
        RecordingPeer peer = new RecordingPeer();
        return new Member(joinNow(peer, streamId, SignalCommand.Join.viewer(null), UserId.ofNullable(user)),
                peer);
    }
}
