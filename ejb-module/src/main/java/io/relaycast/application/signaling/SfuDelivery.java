package io.relaycast.application.signaling;

import io.relaycast.application.sfu.Sfu;
import io.relaycast.domain.model.DeliveryMode;
import io.relaycast.domain.model.StreamId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Delivery through the SFU: the broadcaster publishes once, each admitted viewer is subscribed to
 * the publisher by the server, and every JSEP message goes through our socket. Who may publish and
 * who may subscribe is decided here, not by the SFU.
 */
@ApplicationScoped
public class SfuDelivery {

    private static final Logger LOG = Logger.getLogger(SfuDelivery.class.getName());

    @Inject
    Sfu sfu;

    @Inject
    RoomRouter router;

    /** The publishing broadcaster session of each room. */
    private final Map<StreamId, PeerId> publishers = new ConcurrentHashMap<>();

    public void publish(Participant from, SignalCommand.SfuPublish cmd) {
        requireSfu(from);
        if (!from.isBroadcaster()) {
            throw new SignalingException("forbidden", "Only the broadcaster publishes.");
        }
        StreamId room = from.streamId();
        sfu.publish(room, from.peerId(), cmd.sdp()).whenComplete((answer, error) -> {
            if (error != null) {
                from.send(failure(error));
                return;
            }
            from.send(new SignalEvent.SfuPublished(answer));
            publishers.put(room, from.peerId());
            router.members(room).stream().filter(Participant::isAdmittedViewer).forEach(this::viewerReady);
        });
    }

    /** An admitted viewer of an SFU stream: subscribed as soon as there is a publisher. */
    public void viewerReady(Participant viewer) {
        PeerId publisher = publishers.get(viewer.streamId());
        if (viewer.delivery() != DeliveryMode.SFU || publisher == null || !viewer.isAdmittedViewer()) {
            return;
        }
        sfu.subscribe(viewer.streamId(), viewer.peerId(), publisher).whenComplete((offer, error) ->
                viewer.send(error != null ? failure(error) : new SignalEvent.SfuOffer(offer)));
    }

    public void answer(Participant from, SignalCommand.SfuAnswer cmd) {
        requireSfu(from);
        if (from.isBroadcaster()) {
            throw new SignalingException("forbidden", "The broadcaster publishes; viewers answer.");
        }
        sfu.startSubscription(from.peerId(), cmd.sdp()).whenComplete((v, error) -> {
            if (error != null) {
                from.send(failure(error));
            }
        });
    }

    public void candidate(Participant from, SignalCommand.SfuCandidate cmd) {
        requireSfu(from);
        sfu.trickle(from.peerId(), cmd.candidate());
    }

    public void layer(Participant from, SignalCommand.SfuLayer cmd) {
        requireSfu(from);
        if (cmd.substream() < 0 || cmd.substream() > 2) {
            throw new SignalingException("bad-message", "layer must be 'low', 'medium' or 'high'.");
        }
        sfu.selectLayer(from.peerId(), cmd.substream());
    }

    /** A member left: its SFU handle goes too. */
    public void left(Participant p) {
        if (p.delivery() != DeliveryMode.SFU) {
            return;
        }
        if (p.isBroadcaster()) {
            publishers.remove(p.streamId(), p.peerId());
        }
        sfu.leave(p.peerId());
    }

    public void roomClosed(StreamId room) {
        if (publishers.remove(room) != null || sfu.configured()) {
            sfu.closeRoom(room);
        }
    }

    private static void requireSfu(Participant p) {
        if (p.delivery() != DeliveryMode.SFU) {
            throw new SignalingException("bad-message", "This stream is delivered peer to peer, not through the SFU.");
        }
    }

    private static SignalEvent failure(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        LOG.warning(() -> "SFU request failed: " + cause.getMessage());
        return new SignalEvent.Error("sfu-unavailable", "The SFU could not do this now: " + cause.getMessage());
    }
}
