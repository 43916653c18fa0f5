package io.relaycast.application.ingest;

import io.relaycast.application.delivery.sfu.Sfu;
import io.relaycast.application.delivery.sfu.SfuDelivery;
import io.relaycast.application.routing.Participant;
import io.relaycast.application.routing.Peer;
import io.relaycast.application.routing.RoomLocks;
import io.relaycast.application.routing.RoomRouter;
import io.relaycast.application.signaling.SignalingService;
import io.relaycast.application.signaling.StreamFacts;
import io.relaycast.application.signaling.StreamFactsCache;
import io.relaycast.application.signaling.protocol.PeerRole;
import io.relaycast.application.stream.LivestreamService;
import io.relaycast.domain.model.stream.DeliveryMode;
import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.domain.model.stream.StreamKey;
import io.relaycast.domain.model.stream.StreamStateException;
import io.relaycast.domain.model.stream.StreamStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The rules every encoder ingest (WHIP, RTMP) shares: the stream key proves the right to publish
 * (as a browser's does), only into an SFU stream that has not ended and on a server with an SFU;
 * the encoder takes the broadcaster's seat unless another publisher is live; a scheduled stream
 * goes live when the encoder's media is accepted; giving up leaves the seat as a dropped browser does.
 */
@ApplicationScoped
public class EncoderAdmission {

    @Inject
    StreamFactsCache facts;

    @Inject
    RoomLocks locks;

    @Inject
    RoomRouter router;

    @Inject
    PublisherSeat seat;

    @Inject
    SignalingService signaling;

    @Inject
    LivestreamService streams;

    @Inject
    Sfu sfu;

    @Inject
    SfuDelivery delivery;

    /** The stream, when this key may publish into it now; otherwise why not (401, 409). */
    public StreamFacts admit(StreamId streamId, String streamKey, String protocol) {
        StreamFacts stream = facts.get(streamId);
        if (streamKey == null || !stream.admitsBroadcaster(null, StreamKey.ofNullable(streamKey))) {
            throw new IngestException(401, "Publishing needs this stream's key.");
        }
        if (stream.status().isOver()) {
            throw new IngestException(409, "This stream is " + stream.status().wireName() + "; create a new one.");
        }
        if (stream.delivery() != DeliveryMode.SFU) {
            throw new IngestException(409, protocol + " publishes into the SFU: create the stream with \"delivery\": \"sfu\".");
        }
        if (!sfu.configured()) {
            throw new IngestException(409, "No SFU is configured on this server (JANUS_URL).");
        }
        return stream;
    }

    /**
     * The encoder as the room's broadcaster; 409 while another publisher is on air (an encoder, or
     * a browser whose media a live stream's viewers get). The owner's studio page open on the
     * stream — before it goes live, or not publishing — gives the seat up (it follows the room as an
     * observer when it comes back).
     */
    public Participant seat(StreamId streamId, StreamFacts stream, Peer peer) {
        return locks.inRoom(streamId, () -> {
            Participant current = router.broadcaster(streamId).orElse(null);
            if (current != null && (current.isEncoder()
                    || stream.status() == StreamStatus.LIVE && delivery.publishing(current))) {
                throw new IngestException(409, "Another publisher is live on this stream; stop it first.");
            }
            Participant p = new Participant(streamId, PeerRole.BROADCASTER, stream.owner(), null, peer);
            p.delivery(DeliveryMode.SFU);
            p.markEncoder();
            seat.take(p, () -> { });
            return p;
        });
    }

    /**
     * The encoder is gone: a live stream waits for a publisher (the grace period) as after any
     * drop; with {@code withGrace} false (it never got going on a scheduled stream) it just leaves.
     */
    public void leave(Participant publisher, boolean withGrace) {
        if (!withGrace) {
            publisher.markDetached();
        }
        signaling.disconnected(publisher);
    }

    /** Whether the publisher still holds its seat (not replaced, not given up). */
    public boolean seated(Participant publisher) {
        return router.find(publisher.streamId(), publisher.peerId()).isPresent();
    }

    /** A scheduled stream goes live once its encoder's media is accepted. */
    public void goLive(StreamId streamId, StreamFacts stream) {
        if (stream.status() == StreamStatus.SCHEDULED) {
            try {
                streams.start(streamId, stream.owner().value());
            } catch (StreamStateException alreadyLive) {
                // started meanwhile (the console's Go live, or another node)
            }
            facts.forget(streamId);
        }
    }
}
