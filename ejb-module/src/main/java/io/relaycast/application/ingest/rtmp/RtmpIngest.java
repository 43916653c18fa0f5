package io.relaycast.application.ingest.rtmp;

import io.relaycast.application.delivery.sfu.RtpFeed;
import io.relaycast.application.delivery.sfu.Sfu;
import io.relaycast.application.delivery.sfu.SfuDelivery;
import io.relaycast.application.ingest.EncoderAdmission;
import io.relaycast.application.ingest.EncoderInput;
import io.relaycast.application.ingest.EncoderPeer;
import io.relaycast.application.ingest.EncoderState;
import io.relaycast.application.ingest.IngestException;
import io.relaycast.application.routing.CloseCause;
import io.relaycast.application.routing.Participant;
import io.relaycast.application.signaling.StreamFacts;
import io.relaycast.application.stream.LivestreamService;
import io.relaycast.domain.model.shared.Digests;
import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.domain.model.stream.StreamStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

/**
 * Publishing from an RTMP encoder through the RTMP server and its bridge: the key (the RTMP stream
 * name) names the stream and proves the right to publish; the encoder is admitted and seated as
 * every encoder is ({@link EncoderAdmission}); the SFU opens a plain-RTP entry as the room's
 * publisher ({@link Sfu#publishRtp}) that the bridge feeds, viewers are subscribed to it, and a
 * scheduled stream goes live. The RTMP server's "publish done" leaves the seat as a dropped
 * browser does: the grace period, then the end. Publications live on the node the RTMP server calls.
 */
@ApplicationScoped
public class RtmpIngest {

    private static final Logger LOG = Logger.getLogger(RtmpIngest.class.getName());
    private static final long FEED_TIMEOUT_SECONDS = 20;

    /** A running publication, found by the digest of its key (keys are not kept in memory). */
    private record Publication(StreamId streamId, Participant publisher, RtpFeed feed, Instant since) {
    }

    @Inject
    EncoderAdmission admission;

    @Inject
    LivestreamService streams;

    @Inject
    Sfu sfu;

    @Inject
    SfuDelivery delivery;

    private final Map<String, Publication> publications = new ConcurrentHashMap<>();
    /** What each publication's bridge found the encoder sends (by the same key digest). */
    private final Map<String, EncoderInput> inputs = new ConcurrentHashMap<>();

    /** The RTMP server's "may this key publish?": the stream it publishes into, or why not (401, 409, 5xx). */
    public StreamId publish(String streamKey, String encoderAddress) {
        StreamId streamId = streams.idByKey(streamKey)
                .orElseThrow(() -> new IngestException(401, "No stream has this key."));
        StreamFacts stream = admission.admit(streamId, streamKey, "RTMP");
        EncoderPeer peer = new EncoderPeer(encoderAddress);
        Participant publisher = admission.seat(streamId, stream, peer);
        boolean wasLive = stream.status() == StreamStatus.LIVE;
        RtpFeed feed;
        try {
            feed = sfu.publishRtp(streamId, publisher.peerId()).toCompletableFuture()
                    .get(FEED_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | RuntimeException e) {
            admission.leave(publisher, wasLive);
            LOG.warning(() -> "The SFU did not take RTMP publisher of " + streamId + ": " + e.getMessage());
            throw new IngestException(502, "The SFU did not take the encoder's media.");
        } catch (TimeoutException e) {
            admission.leave(publisher, wasLive);
            throw new IngestException(504, "The SFU did not answer in time.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admission.leave(publisher, wasLive);
            throw new IngestException(503, "Interrupted.");
        }
        String id = Digests.sha256Hex(streamKey);
        Publication publication = new Publication(streamId, publisher, feed, Instant.now());
        publications.put(id, publication);
        peer.onEnd(cause -> ended(id, publication, cause));
        delivery.published(publisher);
        admission.goLive(streamId, stream);
        LOG.info(() -> "RTMP publisher is live on " + streamId);
        return streamId;
    }

    /** Where the bridge of this key's running publication sends its RTP; it says what the encoder sends. */
    public Optional<RtpFeed> feed(String streamKey, EncoderInput input) {
        if (streamKey == null) {
            return Optional.empty();
        }
        String id = Digests.sha256Hex(streamKey);
        Publication p = publications.get(id);
        if (p == null) {
            return Optional.empty();
        }
        if (input != null) {
            inputs.put(id, input);
        }
        return Optional.of(p.feed());
    }

    /** The RTMP encoder publishing into this stream through this server, if any. */
    public Optional<EncoderState> state(StreamId streamId) {
        return publications.entrySet().stream().filter(e -> e.getValue().streamId().equals(streamId)).findFirst()
                .map(e -> new EncoderState("rtmp", e.getValue().since(), inputs.get(e.getKey())));
    }

    /** The RTMP server's "publish done": the encoder stopped or dropped. False when nothing ran here. */
    public boolean stopped(String streamKey) {
        String id = streamKey == null ? null : Digests.sha256Hex(streamKey);
        Publication p = id == null ? null : publications.remove(id);
        if (p == null) {
            return false;
        }
        inputs.remove(id);
        admission.leave(p.publisher(), true);
        LOG.info(() -> "RTMP publisher on " + p.streamId() + " stopped");
        return true;
    }

    /**
     * Replaced by another publisher or the stream ended: the entry is forgotten. The SFU restarted
     * under it: the bridge's target is gone, so the seat is left as after a drop (the encoder must
     * publish again).
     */
    private void ended(String id, Publication publication, CloseCause cause) {
        if (!publications.remove(id, publication)) {
            return;
        }
        inputs.remove(id);
        if (cause == CloseCause.STREAM_ENDED && admission.seated(publication.publisher())) {
            admission.leave(publication.publisher(), true);
        }
    }
}
