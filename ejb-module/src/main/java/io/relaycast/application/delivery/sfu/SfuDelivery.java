package io.relaycast.application.delivery.sfu;

import io.relaycast.application.routing.Participant;
import io.relaycast.application.routing.RoomNews;
import io.relaycast.application.routing.RoomRouter;
import io.relaycast.application.routing.ServerNodes;
import io.relaycast.application.signaling.protocol.PeerId;
import io.relaycast.application.signaling.protocol.Playback;
import io.relaycast.application.signaling.protocol.RelayPayload;
import io.relaycast.application.signaling.protocol.SignalCommand;
import io.relaycast.application.signaling.protocol.SignalEvent;
import io.relaycast.application.signaling.protocol.SignalingException;
import io.relaycast.domain.model.stream.DeliveryMode;
import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.application.delivery.BroadcasterAddressing;
import io.relaycast.application.delivery.Delivery;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Delivery through the SFU: the broadcaster publishes once, each admitted viewer is subscribed to
 * the publisher by the server, and every JSEP message goes through our socket. Who may publish and
 * who may subscribe is decided here, not by the SFU.
 */
@ApplicationScoped
public class SfuDelivery implements Delivery {

    private static final Logger LOG = Logger.getLogger(SfuDelivery.class.getName());
    private static final int SUBSCRIBE_ATTEMPTS = 15;

    private Sfu sfu;
    private RoomRouter router;
    private ServerNodes nodes;

    /** For the container's proxy. */
    protected SfuDelivery() {
    }

    @Inject
    public SfuDelivery(Sfu sfu, RoomRouter router, ServerNodes nodes) {
        this.sfu = sfu;
        this.router = router;
        this.nodes = nodes;
    }

    @Resource
    ManagedExecutorService executor;

    /** Told of every publication (the live HLS ladder takes a copy); absent in hand-built test rigs. */
    @Inject
    Event<SfuPublished> publications;

    /** The publishing broadcaster session of each room. */
    private final Map<StreamId, PeerId> publishers = new ConcurrentHashMap<>();

    @Override
    public DeliveryMode mode() {
        return DeliveryMode.SFU;
    }

    @Override
    public void negotiate(Participant from, SignalCommand.SfuNegotiation command) {
        if (command instanceof SignalCommand.SfuPublish p) {
            publish(from, p);
        } else if (command instanceof SignalCommand.SfuAnswer a) {
            answer(from, a);
        } else if (command instanceof SignalCommand.SfuCandidate c) {
            candidate(from, c);
        } else if (command instanceof SignalCommand.SfuLayer l) {
            layer(from, l);
        }
    }

    /** Browser-to-browser messages on an SFU stream follow the P2P rule (the broadcaster and each viewer). */
    @Override
    public Participant addressee(Participant from, SignalCommand.Relay message) {
        return BroadcasterAddressing.addressee(router, from, message);
    }

    private void publish(Participant from, SignalCommand.SfuPublish cmd) {
        if (!from.isBroadcaster()) {
            throw new SignalingException("forbidden", "Only the broadcaster publishes.");
        }
        StreamId room = from.streamId();
        call(() -> sfu.publish(room, from.peerId(), cmd.sdp())).whenComplete((answer, error) -> {
            if (error != null) {
                from.send(failure(error));
                return;
            }
            from.send(new SignalEvent.SfuPublished(answer));
            published(from);
        });
    }

    /** Whether this member's media is what the SFU room forwards now. */
    public boolean publishing(Participant p) {
        return p.peerId().equals(publishers.get(p.streamId()));
    }

    /** The publisher's media is in the SFU (a browser's or an encoder's): its viewers are subscribed. */
    public void published(Participant publisher) {
        StreamId room = publisher.streamId();
        publishers.put(room, publisher.peerId());
        if (publications != null) {
            publications.fireAsync(new SfuPublished(room, publisher.peerId()));
        }
        router.local().members(room).stream().filter(Participant::isAdmittedViewer).forEach(this::viewerReady);
        // the other servers of a cluster subscribe the viewers they hold, each with its own SFU session
        nodes.announce(new RoomNews(room, RoomNews.Kind.PUBLISHED));
    }

    /** The broadcaster published through another server of the cluster: subscribe the viewers held here. */
    void publishedElsewhere(@Observes RoomNews news) {
        if (news.kind() == RoomNews.Kind.PUBLISHED) {
            executor.execute(() -> subscribeLocalViewers(news.streamId()));
        }
    }

    private void subscribeLocalViewers(StreamId room) {
        router.broadcaster(room).ifPresent(b -> {
            publishers.put(room, b.peerId());
            router.local().members(room).stream().filter(Participant::isAdmittedViewer).forEach(this::viewerReady);
        });
    }

    /** An admitted viewer of an SFU stream: subscribed as soon as there is a publisher. */
    @Override
    public void viewerReady(Participant viewer) {
        subscribe(viewer, SUBSCRIBE_ATTEMPTS);
    }

    /**
     * The SFU knows a publisher's feed only once its media is up, a moment after it answered the
     * publish: until then a subscription is retried, once a second.
     */
    private void subscribe(Participant viewer, int attemptsLeft) {
        PeerId publisher = publishers.get(viewer.streamId());
        if (publisher == null || !viewer.isAdmittedViewer() || viewer.playback() != Playback.WEBRTC
                || router.find(viewer.streamId(), viewer.peerId()).isEmpty()) {
            return;
        }
        call(() -> sfu.subscribe(viewer.streamId(), viewer.peerId(), publisher)).whenComplete((offer, error) -> {
            if (error == null && viewer.playback() != Playback.WEBRTC) {
                sfu.leave(viewer.peerId()); // it switched to HLS meanwhile: no handle left behind
            } else if (error == null) {
                viewer.send(new SignalEvent.SfuOffer(offer));
            } else if (attemptsLeft > 1) {
                CompletableFuture.runAsync(() -> subscribe(viewer, attemptsLeft - 1),
                        CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS));
            } else {
                viewer.send(failure(error));
            }
        });
    }

    /** The SFU's operations as stages, also when one fails before it starts (SFU unreachable). */
    private static <T> CompletionStage<T> call(Supplier<CompletionStage<T>> operation) {
        try {
            return operation.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private void answer(Participant from, SignalCommand.SfuAnswer cmd) {
        if (from.isBroadcaster()) {
            throw new SignalingException("forbidden", "The broadcaster publishes; viewers answer.");
        }
        call(() -> sfu.startSubscription(from.peerId(), cmd.sdp())).whenComplete((v, error) -> {
            if (error != null) {
                from.send(failure(error));
            }
        });
    }

    private void candidate(Participant from, SignalCommand.SfuCandidate cmd) {
        if (!cmd.candidate().equals(RelayPayload.NULL) && !cmd.candidate().json().startsWith("{")) {
            throw new SignalingException("bad-message", "candidate must be an RTCIceCandidateInit object or null.");
        }
        sfu.trickle(from.peerId(), cmd.candidate());
    }

    private void layer(Participant from, SignalCommand.SfuLayer cmd) {
        if (cmd.substream() < 0 || cmd.substream() > 2) {
            throw new SignalingException("bad-message", "layer must be 'low', 'medium' or 'high'.");
        }
        sfu.selectLayer(from.peerId(), cmd.substream());
    }

    @Override
    public boolean offers(Playback playback) {
        return true; // the live HLS rendition (when the server makes one: the page asks GET …/hls)
    }

    /** A viewer's page plays HLS instead (its SFU handle goes), or WebRTC again (subscribed anew). */
    @Override
    public void playbackChanged(Participant viewer, Playback playback) {
        if (viewer.isBroadcaster()) {
            throw new SignalingException("forbidden", "The broadcaster publishes; stream:transport is for viewers.");
        }
        if (viewer.playback() == playback) {
            return;
        }
        viewer.playback(playback);
        if (playback == Playback.HLS) {
            sfu.leave(viewer.peerId());
        } else {
            viewerReady(viewer);
        }
    }

    /** A member is out of the room: its SFU handle goes too. */
    @Override
    public void released(Participant p) {
        if (p.isBroadcaster()) {
            publishers.remove(p.streamId(), p.peerId());
        }
        sfu.leave(p.peerId());
    }

    /** The SFU lost these rooms: each broadcaster publishes again, and its viewers are subscribed anew. */
    void restarted(@Observes SfuRestarted e) {
        for (StreamId room : e.rooms()) {
            if (publishers.remove(room) == null) {
                continue;
            }
            // each server tells the broadcaster it holds (the SFU restart is seen by every server)
            router.local().members(room).stream().filter(Participant::isBroadcaster)
                    .forEach(b -> b.send(new SignalEvent.SfuRestart()));
        }
    }

    /** Its SFU instance was lost: the viewer gets a new offer from another (no reload). */
    void moved(@ObservesAsync SfuViewerMoved moved) {
        router.find(moved.room(), moved.viewer()).filter(Participant::isAdmittedViewer).ifPresent(this::viewerReady);
    }

    @Override
    public void roomClosed(StreamId room) {
        if (publishers.remove(room) != null || sfu.configured()) {
            sfu.closeRoom(room);
        }
    }

    private static SignalEvent failure(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        LOG.warning(() -> "SFU request failed: " + cause.getMessage());
        // The SFU's own text stays in the log: it names rooms, handles and its internals.
        return new SignalEvent.Error("sfu-unavailable", "The SFU could not do this now; try again.");
    }
}
