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
import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.domain.model.stream.StreamStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

/**
 * Publishing from an RTMP encoder through the RTMP server and its bridge: the key (the RTMP stream
 * name) names the stream and proves the right to publish; the encoder is admitted and seated as
 * every encoder is ({@link EncoderAdmission}); the SFU opens a plain-RTP entry as the room's
 * publisher ({@link Sfu#publishRtp}), viewers are subscribed to it, and a scheduled stream goes
 * live. The RTMP server then knows the publication by a random id, not by the key (it renames the
 * stream: the key appears in no process list or log there); its bridge asks with that id where to
 * send, and its "publish done" leaves the seat as a dropped browser does: the grace period, then
 * the end. Publications live on the node the RTMP server calls.
 */
@ApplicationScoped
public class RtmpIngest {

    private static final Logger LOG = Logger.getLogger(RtmpIngest.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Below the RTMP server's own wait for the answer (netcall_timeout in nginx-rtmp.conf). */
    static final long FEED_TIMEOUT_SECONDS = 10;

    /** A publication; {@code feed} is null while the SFU is being asked. */
    private record Publication(StreamId streamId, Participant publisher, RtpFeed feed, Instant since,
                               EncoderInput input) {
        Publication with(RtpFeed f) {
            return new Publication(streamId, publisher, f, since, input);
        }

        Publication with(EncoderInput i) {
            return new Publication(streamId, publisher, feed, since, i);
        }
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
    /**
     * The RTMP server's session (its address and client id) → publication: its "publish done" names
     * the stream as the encoder did (by the key), not by the new name.
     */
    private final Map<String, String> sessions = new ConcurrentHashMap<>();

    /**
     * The RTMP server's "may this key publish?": the publication's id (the name the RTMP server
     * uses from now on), or why not (401, 409, 5xx).
     */
    public String publish(String streamKey, String encoderAddress, String rtmpSession) {
        StreamId streamId = streams.idByKey(streamKey)
                .orElseThrow(() -> new IngestException(401, "No stream has this key."));
        StreamFacts stream = admission.admit(streamId, streamKey, "RTMP");
        String id = HexFormat.of().formatHex(randomBytes());
        EncoderPeer peer = new EncoderPeer(encoderAddress);
        peer.onEnd(cause -> ended(id, cause)); // before it is seated: a replacement meanwhile is not missed
        Participant publisher = admission.seat(streamId, stream, peer);
        boolean wasLive = stream.status() == StreamStatus.LIVE;
        Publication pending = new Publication(streamId, publisher, null, Instant.now(), null);
        publications.put(id, pending);
        CompletableFuture<RtpFeed> asked = sfu.publishRtp(streamId, publisher.peerId()).toCompletableFuture();
        RtpFeed feed;
        try {
            feed = asked.get(FEED_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | RuntimeException | TimeoutException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            asked.thenRun(() -> sfu.leave(publisher.peerId())); // an answer that comes too late is undone
            giveUp(id, pending, wasLive);
            LOG.warning(() -> "The SFU did not take the RTMP publisher of " + streamId + ": " + e);
            throw new IngestException(e instanceof TimeoutException ? 504 : 502, "The SFU did not take the encoder's media.");
        }
        if (rtmpSession != null) {
            sessions.put(rtmpSession, id);
        }
        if (!publications.replace(id, pending, pending.with(feed)) || !admission.seated(publisher)) {
            giveUp(id, pending, wasLive); // the encoder went, or was replaced, while the SFU was asked
            throw new IngestException(409, "The publication ended before it started.");
        }
        delivery.published(publisher);
        admission.goLive(streamId, stream);
        LOG.info(() -> "RTMP publisher " + id + " is live on " + streamId);
        return id;
    }

    private void giveUp(String id, Publication p, boolean withGrace) {
        publications.remove(id, p);
        sessions.values().remove(id);
        if (admission.seated(p.publisher())) {
            admission.leave(p.publisher(), withGrace);
        }
        sfu.leave(p.publisher().peerId()); // also when it was replaced while the SFU made room for it
    }

    /** Where the bridge of this running publication sends its RTP; it says what the encoder sends. */
    public Optional<RtpFeed> feed(String publicationId, EncoderInput input) {
        Publication p = publicationId == null ? null : publications.get(publicationId);
        if (p == null || p.feed() == null) {
            return Optional.empty();
        }
        if (input != null) {
            publications.replace(publicationId, p, p.with(input));
        }
        return Optional.of(p.feed());
    }

    /** Whether this publication still runs here (the bridge stops its ffmpeg when not). */
    public boolean running(String publicationId) {
        return publicationId != null && publications.containsKey(publicationId);
    }

    /** The RTMP encoder publishing into this stream through this server, if any. */
    public Optional<EncoderState> state(StreamId streamId) {
        return publications.values().stream().filter(p -> p.streamId().equals(streamId))
                .findFirst().map(p -> new EncoderState("rtmp", p.since(), p.input()));
    }

    /**
     * The RTMP server's "publish done" (of this session, naming the publication or its key): the
     * encoder stopped or dropped. False when nothing ran here.
     */
    public boolean stopped(String name, String rtmpSession) {
        String sessionOf = rtmpSession == null ? null : sessions.remove(rtmpSession);
        String publicationId = name != null && publications.containsKey(name) ? name : sessionOf;
        Publication p = publicationId == null ? null : publications.remove(publicationId);
        if (p == null) {
            return false;
        }
        sessions.values().remove(publicationId);
        admission.leave(p.publisher(), true);
        LOG.info(() -> "RTMP publisher " + publicationId + " on " + p.streamId() + " stopped");
        return true;
    }

    /**
     * Replaced by another publisher or the stream ended: the entry is forgotten (the bridge then
     * stops). The SFU restarted under it: the bridge's target is gone, so the seat is left as
     * after a drop (the encoder must publish again).
     */
    private void ended(String id, CloseCause cause) {
        Publication p = publications.remove(id);
        sessions.values().remove(id);
        if (p != null && cause == CloseCause.STREAM_ENDED && admission.seated(p.publisher())) {
            admission.leave(p.publisher(), true);
        }
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return b;
    }
}
