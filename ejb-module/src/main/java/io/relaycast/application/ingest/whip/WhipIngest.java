package io.relaycast.application.ingest.whip;

import io.relaycast.application.delivery.Deliveries;
import io.relaycast.application.delivery.sfu.Sfu;
import io.relaycast.application.delivery.sfu.SfuPeerLost;
import io.relaycast.application.ingest.EncoderAdmission;
import io.relaycast.application.ingest.EncoderInput;
import io.relaycast.application.ingest.EncoderPeer;
import io.relaycast.application.ingest.EncoderState;
import io.relaycast.application.ingest.IngestException;
import io.relaycast.application.routing.CloseCause;
import io.relaycast.application.routing.Participant;
import io.relaycast.application.signaling.StreamFacts;
import io.relaycast.application.signaling.protocol.RelayPayload;
import io.relaycast.application.signaling.protocol.SignalCommand;
import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.domain.model.stream.StreamStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import jakarta.json.Json;
import java.io.StringReader;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

/**
 * Publishing from an encoder over WHIP: admitted and seated as every encoder is
 * ({@link EncoderAdmission}), its offer goes to the stream's SFU room exactly as a browser's
 * {@code sfu:publish} does, and a scheduled stream goes live. Stopping (DELETE, the SFU hanging up
 * on the encoder, or the SFU restarting) leaves the seat as a dropped browser does: the grace
 * period, then the end. Resources live on the node that created them.
 */
@ApplicationScoped
public class WhipIngest {

    private static final Logger LOG = Logger.getLogger(WhipIngest.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long ANSWER_TIMEOUT_SECONDS = 20;

    /** A live publication: who it is in the room. */
    private record Publication(StreamId streamId, Participant publisher, Instant since, String iceUfrag,
                               EncoderInput input) {
    }

    /** What the encoder gets back. */
    public record Answer(String resourceId, String sdp) {
    }

    @Inject
    EncoderAdmission admission;

    @Inject
    Deliveries deliveries;

    @Inject
    Sfu sfu;

    private final Map<String, Publication> publications = new ConcurrentHashMap<>();

    /** The encoder's offer in, the SFU's answer out; see the class comment. */
    public Answer publish(StreamId streamId, String streamKey, String offerSdp, String clientAddress) {
        requireOffer(offerSdp);
        StreamFacts stream = admission.admit(streamId, streamKey, "WHIP");
        EncoderPeer peer = new EncoderPeer(clientAddress);
        String resourceId = HexFormat.of().formatHex(bytes());
        peer.onEnd(cause -> ended(resourceId, cause)); // before it is seated: a replacement meanwhile is not missed
        Participant publisher = admission.seat(streamId, stream, peer);
        publications.put(resourceId, new Publication(streamId, publisher, Instant.now(), iceUfrag(offerSdp),
                OfferedCodecs.of(offerSdp)));
        if (!admission.seated(publisher)) {
            publications.remove(resourceId); // replaced before it was listed
            throw new IngestException(409, "Another publisher took over; stop it first.");
        }
        boolean wasLive = stream.status() == StreamStatus.LIVE;
        RelayPayload answer;
        try {
            deliveries.of(publisher).negotiate(publisher, new SignalCommand.SfuPublish(offer(offerSdp)));
            answer = peer.answer().get(ANSWER_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            release(resourceId, wasLive);
            throw e.getCause() instanceof IngestException w ? w : new IngestException(502, "The SFU did not answer the offer.");
        } catch (TimeoutException e) {
            release(resourceId, wasLive);
            throw new IngestException(504, "The SFU did not answer the offer in time.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            release(resourceId, wasLive);
            throw new IngestException(503, "Interrupted.");
        } catch (RuntimeException e) {
            release(resourceId, wasLive);
            throw e;
        }
        admission.goLive(streamId, stream);
        LOG.info(() -> "WHIP publisher " + resourceId + " is live on " + streamId);
        return new Answer(resourceId, Json.createReader(new StringReader(answer.json())).readObject().getString("sdp"));
    }

    /** A publication that never got going leaves its seat (see {@link EncoderAdmission#leave}). */
    private void release(String resourceId, boolean withGrace) {
        Publication p = publications.remove(resourceId);
        if (p != null) {
            admission.leave(p.publisher(), withGrace);
        }
    }

    /** DELETE of the resource: the encoder stopped. False when there is no such publication here. */
    public boolean stop(StreamId streamId, String resourceId) {
        Publication p = publications.get(resourceId);
        if (p == null || !p.streamId().equals(streamId) || !publications.remove(resourceId, p)) {
            return false;
        }
        admission.leave(p.publisher(), true);
        LOG.info(() -> "WHIP publisher " + resourceId + " on " + streamId + " stopped");
        return true;
    }

    /**
     * Candidates the encoder trickles after its offer (PATCH, RFC 9725 section 4.3.1), handed to
     * the SFU; the end of candidates too. Another ICE username is an ICE restart: 501, not supported.
     */
    public boolean trickle(StreamId streamId, String resourceId, String ufrag, List<String> candidates, boolean end) {
        Publication p = publications.get(resourceId);
        if (p == null || !p.streamId().equals(streamId)) {
            return false;
        }
        if (ufrag != null && !ufrag.equals(p.iceUfrag())) {
            throw new IngestException(501, "ICE restarts are not supported: publish again (DELETE, then POST).");
        }
        candidates.forEach(c -> sfu.trickle(p.publisher().peerId(), new RelayPayload(c)));
        if (end) {
            sfu.trickle(p.publisher().peerId(), RelayPayload.NULL);
        }
        return true;
    }

    /** The WHIP encoder publishing into this stream through this server, if any (its SDP says what it sends). */
    public Optional<EncoderState> state(StreamId streamId) {
        return publications.values().stream().filter(p -> p.streamId().equals(streamId)).findFirst()
                .map(p -> new EncoderState("whip", p.since(), p.input()));
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
        if (p != null && cause == CloseCause.STREAM_ENDED && admission.seated(p.publisher())) {
            admission.leave(p.publisher(), true); // the SFU restarted under it: as if the encoder dropped
        }
    }

    /** An SDP offer at all (the SFU checks the rest): version line first, some media, no NULs. */
    static void requireOffer(String sdp) {
        if (sdp == null || !sdp.startsWith("v=0") || !sdp.contains("\nm=") || sdp.indexOf('\0') >= 0) {
            throw new IngestException(400, "The body is not an SDP offer (application/sdp, starting with v=0, with media).");
        }
    }

    /** The offer as the SFU takes a browser's: SDP JSON; candidates inside, or trickled after it (PATCH). */
    private static RelayPayload offer(String sdp) {
        return new RelayPayload(Json.createObjectBuilder().add("type", "offer").add("sdp", sdp)
                .add("trickle", !sdp.contains("\na=candidate:")).build().toString());
    }

    private static String iceUfrag(String sdp) {
        int at = sdp.indexOf("a=ice-ufrag:");
        if (at < 0) {
            return null;
        }
        int end = sdp.indexOf('\n', at);
        return sdp.substring(at + 12, end < 0 ? sdp.length() : end).strip();
    }

    private static byte[] bytes() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return b;
    }
}
