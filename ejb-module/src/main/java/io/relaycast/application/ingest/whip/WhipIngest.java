package io.relaycast.application.ingest.whip;

import io.relaycast.application.delivery.Deliveries;
import io.relaycast.application.delivery.sfu.Sfu;
import io.relaycast.application.ingest.PublisherSeat;
import io.relaycast.application.routing.CloseCause;
import io.relaycast.application.routing.Participant;
import io.relaycast.application.routing.RoomLocks;
import io.relaycast.application.routing.RoomRouter;
import io.relaycast.application.signaling.SignalingService;
import io.relaycast.application.signaling.StreamFacts;
import io.relaycast.application.signaling.StreamFactsCache;
import io.relaycast.application.signaling.protocol.PeerRole;
import io.relaycast.application.signaling.protocol.RelayPayload;
import io.relaycast.application.signaling.protocol.SignalCommand;
import io.relaycast.application.stream.LivestreamService;
import io.relaycast.domain.model.stream.DeliveryMode;
import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.domain.model.stream.StreamKey;
import io.relaycast.domain.model.stream.StreamStateException;
import io.relaycast.domain.model.stream.StreamStatus;
import io.relaycast.application.delivery.sfu.SfuPeerLost;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import jakarta.json.Json;
import java.io.StringReader;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

/**
 * Publishing from an encoder over WHIP: the stream key proves the right to publish (as the
 * browser's does), the encoder takes the broadcaster's seat ({@link PublisherSeat}), its offer
 * goes to the stream's SFU room exactly as a browser's {@code sfu:publish} does, and a scheduled
 * stream goes live. Stopping (DELETE, the SFU hanging up on the encoder, or the SFU restarting)
 * leaves the seat as a dropped browser does: the grace period, then the end. Resources live on the
 * node that created them.
 */
@ApplicationScoped
public class WhipIngest {

    private static final Logger LOG = Logger.getLogger(WhipIngest.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long ANSWER_TIMEOUT_SECONDS = 20;

    /** A live publication: who it is in the room. */
    private record Publication(StreamId streamId, Participant publisher) {
    }

    /** What the encoder gets back. */
    public record Answer(String resourceId, String sdp) {
    }

    @Inject
    StreamFactsCache facts;

    @Inject
    RoomLocks locks;

    @Inject
    RoomRouter router;

    @Inject
    PublisherSeat seat;

    @Inject
    Deliveries deliveries;

    @Inject
    SignalingService signaling;

    @Inject
    LivestreamService streams;

    @Inject
    Sfu sfu;

    private final Map<String, Publication> publications = new ConcurrentHashMap<>();

    /** The encoder's offer in, the SFU's answer out; see the class comment. */
    public Answer publish(StreamId streamId, String streamKey, String offerSdp, String clientAddress) {
        requireOffer(offerSdp);
        StreamFacts stream = facts.get(streamId);
        if (streamKey == null || !stream.admitsBroadcaster(null, StreamKey.ofNullable(streamKey))) {
            throw new WhipException(401, "Publishing needs this stream's key as the bearer token.");
        }
        if (stream.status() == StreamStatus.ENDED) {
            throw new WhipException(409, "This stream has ended; create a new one.");
        }
        if (stream.delivery() != DeliveryMode.SFU) {
            throw new WhipException(409, "WHIP publishes into the SFU: create the stream with \"delivery\": \"sfu\".");
        }
        if (!sfu.configured()) {
            throw new WhipException(409, "No SFU is configured on this server (JANUS_URL).");
        }
        WhipPeer peer = new WhipPeer(clientAddress);
        Participant publisher = locks.inRoom(streamId, () -> {
            if (router.broadcaster(streamId).isPresent()) {
                throw new WhipException(409, "Another publisher is live on this stream; stop it first.");
            }
            Participant p = new Participant(streamId, PeerRole.BROADCASTER, stream.owner(), null, peer);
            p.delivery(DeliveryMode.SFU);
            seat.take(p, () -> { });
            return p;
        });
        String resourceId = HexFormat.of().formatHex(bytes());
        publications.put(resourceId, new Publication(streamId, publisher));
        peer.onEnd(cause -> ended(resourceId, cause));
        boolean wasLive = stream.status() == StreamStatus.LIVE;
        RelayPayload answer;
        try {
            deliveries.of(publisher).negotiate(publisher, new SignalCommand.SfuPublish(offer(offerSdp)));
            answer = peer.answer().get(ANSWER_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            release(resourceId, wasLive);
            throw e.getCause() instanceof WhipException w ? w : new WhipException(502, "The SFU did not answer the offer.");
        } catch (TimeoutException e) {
            release(resourceId, wasLive);
            throw new WhipException(504, "The SFU did not answer the offer in time.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            release(resourceId, wasLive);
            throw new WhipException(503, "Interrupted.");
        } catch (RuntimeException e) {
            release(resourceId, wasLive);
            throw e;
        }
        goLive(streamId, stream);
        LOG.info(() -> "WHIP publisher " + resourceId + " is live on " + streamId);
        return new Answer(resourceId, Json.createReader(new StringReader(answer.json())).readObject().getString("sdp"));
    }

    /**
     * A publication that never got going leaves its seat: a live stream then waits for a publisher
     * (the grace period) as after any drop; a scheduled one stays scheduled.
     */
    private void release(String resourceId, boolean withGrace) {
        Publication p = publications.remove(resourceId);
        if (p != null) {
            if (!withGrace) {
                p.publisher().markDetached();
            }
            signaling.disconnected(p.publisher());
        }
    }

    /** DELETE of the resource: the encoder stopped. False when there is no such publication here. */
    public boolean stop(StreamId streamId, String resourceId) {
        Publication p = publications.get(resourceId);
        if (p == null || !p.streamId().equals(streamId) || !publications.remove(resourceId, p)) {
            return false;
        }
        signaling.disconnected(p.publisher());
        LOG.info(() -> "WHIP publisher " + resourceId + " on " + streamId + " stopped");
        return true;
    }

    public boolean exists(StreamId streamId, String resourceId) {
        Publication p = publications.get(resourceId);
        return p != null && p.streamId().equals(streamId);
    }

    /** The SFU hung up on an encoder that never said goodbye (it crashed, its network went): as a DELETE. */
    void lost(@ObservesAsync SfuPeerLost lost) {
        publications.entrySet().stream().filter(e -> e.getValue().publisher().peerId().equals(lost.peer()))
                .map(Map.Entry::getKey).findFirst().ifPresent(resourceId -> {
                    Publication p = publications.get(resourceId);
                    LOG.info(() -> "WHIP publisher " + resourceId + " lost by the SFU (" + lost.reason() + ")");
                    if (p != null) {
                        stop(p.streamId(), resourceId);
                    }
                });
    }

    private void ended(String resourceId, CloseCause cause) {
        Publication p = publications.remove(resourceId);
        if (p != null && cause == CloseCause.STREAM_ENDED && router.find(p.streamId(), p.publisher().peerId()).isPresent()) {
            signaling.disconnected(p.publisher()); // the SFU restarted under it: as if the encoder dropped
        }
    }

    private void goLive(StreamId streamId, StreamFacts stream) {
        if (stream.status() == StreamStatus.SCHEDULED) {
            try {
                streams.start(streamId, stream.owner().value());
            } catch (StreamStateException alreadyLive) {
                // started meanwhile (the console's Go live, or another node)
            }
            facts.forget(streamId);
        }
    }

    /** An SDP offer at all (the SFU checks the rest): version line first, some media, no NULs. */
    static void requireOffer(String sdp) {
        if (sdp == null || !sdp.startsWith("v=0") || !sdp.contains("\nm=") || sdp.indexOf('\0') >= 0) {
            throw new WhipException(400, "The body is not an SDP offer (application/sdp, starting with v=0, with media).");
        }
    }

    /** The offer as the SFU takes a browser's: SDP JSON, all candidates inside (no trickle). */
    private static RelayPayload offer(String sdp) {
        return new RelayPayload(Json.createObjectBuilder().add("type", "offer").add("sdp", sdp)
                .add("trickle", false).build().toString());
    }

    private static byte[] bytes() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return b;
    }
}
