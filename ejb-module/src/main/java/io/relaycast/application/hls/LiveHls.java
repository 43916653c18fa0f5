package io.relaycast.application.hls;

import io.relaycast.application.delivery.sfu.PublishedMedia;
import io.relaycast.application.delivery.sfu.Sfu;
import io.relaycast.application.delivery.sfu.SfuPublished;
import io.relaycast.application.events.StreamEnded;
import io.relaycast.application.events.StreamStarted;
import io.relaycast.application.routing.RoomNews;
import io.relaycast.application.routing.ServerNodes;
import io.relaycast.application.signaling.protocol.PeerId;
import io.relaycast.application.stream.LivestreamService;
import io.relaycast.domain.model.shared.DomainException;
import io.relaycast.domain.model.stream.DeliveryMode;
import io.relaycast.domain.model.stream.Livestream;
import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.domain.model.stream.StreamStatus;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The live HLS ladder of each SFU stream on air, made on demand: from the first time someone asks
 * for the rendition (a viewer WebRTC cannot reach, a CDN) until the end, the SFU forwards the
 * publication to a packager — a new one when the publisher comes back after a reconnect. At the end
 * the packager stops (its playlists end) and the files go a minute later. Nobody asking costs nothing.
 * Runs on the server that holds the publisher; with a shared HLS_DIR every server serves the files.
 */
@ApplicationScoped
public class LiveHls {

    private static final Logger LOG = Logger.getLogger(LiveHls.class.getName());
    /** How long the last playlists stay after the end (players see the end instead of an error). */
    static final Duration KEPT_AFTER_END = Duration.ofSeconds(60);

    @Inject
    HlsPackager packager;

    @Inject
    Sfu sfu;

    @Inject
    LivestreamService streams;

    @Inject
    ServerNodes nodes;

    @Resource
    ManagedExecutorService executor;

    private record Running(PeerId publisher, Ladder ladder) {
    }

    /** The latest SFU publisher of each stream whose publication is in this server's SFU session. */
    private final Map<StreamId, PeerId> publishers = new ConcurrentHashMap<>();
    private final Map<StreamId, Running> ladders = new ConcurrentHashMap<>();
    /** Streams whose rendition someone asked for (until their end). */
    private final Set<StreamId> wanted = ConcurrentHashMap.newKeySet();
    /** Streams with a start queued: a crowd asking at once queues one. */
    private final Set<StreamId> queued = ConcurrentHashMap.newKeySet();
    /** Publications no ladder can be made of (no sound or video, a codec not packaged): asked in vain until the next one. */
    private final Set<StreamId> impossible = ConcurrentHashMap.newKeySet();
    private final Map<StreamId, Object> locks = new ConcurrentHashMap<>();

    /** What a request for a stream's rendition finds. */
    public enum Rendition {
        /** Its master playlist is there. */
        PLAYABLE,
        /** Being made (asked just now, or the stream's first seconds): ask again in a moment. */
        STARTING,
        /** None: not on air through the SFU, its publication cannot be packaged, or HLS is off on this server. */
        NONE
    }

    /** Whether this server makes HLS at all (HLS_ENABLED and ffmpeg). */
    public boolean available() {
        return packager.available();
    }

    /**
     * Someone asks for the stream's rendition: it is made from now on, until the end (by the server
     * holding the publisher: every server of a cluster hears it); the first segments follow a few
     * seconds after the first request.
     */
    public Rendition want(StreamId stream) {
        if (!packager.available() || impossible.contains(stream) || !onAirThroughSfu(stream)) {
            return Rendition.NONE;
        }
        if (wanted.add(stream)) {
            nodes.announce(new RoomNews(stream, RoomNews.Kind.HLS_WANTED));
            queue(stream);
        }
        return packager.file(stream, "master.m3u8").isPresent() ? Rendition.PLAYABLE : Rendition.STARTING;
    }

    void published(@ObservesAsync SfuPublished e) {
        publishers.put(e.streamId(), e.publisher());
        impossible.remove(e.streamId());
        refresh(e.streamId(), true);
    }

    void started(@Observes(during = TransactionPhase.AFTER_SUCCESS) StreamStarted e) {
        if (publishers.containsKey(e.streamId())) {
            queue(e.streamId());
        }
    }

    /** Another server of a cluster started, ended or was asked for a stream whose publisher may be in this server's SFU session. */
    void news(@Observes RoomNews news) {
        StreamId id = news.streamId();
        if (news.kind() == RoomNews.Kind.HLS_WANTED && wanted.add(id) && publishers.containsKey(id)
                || news.kind() == RoomNews.Kind.STARTED && publishers.containsKey(id)) {
            queue(id);
        } else if (news.kind() == RoomNews.Kind.ENDED) {
            end(id);
        }
    }

    void ended(@Observes(during = TransactionPhase.AFTER_SUCCESS) StreamEnded e) {
        end(e.streamId());
    }

    /** A file of the stream's ladder ({@code master.m3u8}, {@code v1/index.m3u8}, {@code v1/seg…m4s}). */
    public Optional<Path> file(StreamId stream, String name) {
        return packager.available() ? packager.file(stream, name) : Optional.empty();
    }

    private void queue(StreamId id) {
        if (queued.add(id)) {
            executor.execute(() -> {
                queued.remove(id);
                refresh(id, false);
            });
        }
    }

    /**
     * Starts the stream's ladder unless one runs for its current publication: a new publication
     * (the broadcaster came back, an encoder took over) gets a new packager, because its RTP starts
     * anew; a packager that died is started again. One stream at a time, streams side by side.
     */
    void refresh(StreamId id, boolean newPublication) {
        synchronized (locks.computeIfAbsent(id, k -> new Object())) {
            PeerId publisher = publishers.get(id);
            Running current = ladders.get(id);
            if (publisher == null || !wanted.contains(id) || !packager.available()
                    || !newPublication && current != null && current.ladder().alive() || !onAirThroughSfu(id)) {
                return;
            }
            Optional<PublishedMedia> media = sfu.published(publisher);
            if (media.isEmpty() || !packager.packages(media.get().videoCodec())) {
                impossible.add(id);
                LOG.warning(() -> "No HLS for " + id + ": its publication has no sound or video, or a video codec "
                        + "not packaged (" + media.map(PublishedMedia::videoCodec).orElse("none") + ")");
                return;
            }
            if (current != null) {
                // no end written into the playlists: players keep reading and go on with the new segments
                current.ladder().stop(false);
                sfu.stopForwarding(id, current.publisher());
            } else {
                packager.discard(id); // a fresh start: nothing of an earlier run is served
            }
            start(id, publisher, media.get());
        }
    }

    private void start(StreamId id, PeerId publisher, PublishedMedia media) {
        try {
            Ladder ladder = packager.start(id, media.videoCodec());
            ladders.put(id, new Running(publisher, ladder));
            ladder.onExit(() -> {
                Running now = ladders.get(id);
                if (now != null && now.ladder() == ladder && wanted.contains(id)) {
                    LOG.warning(() -> "The HLS packager of " + id + " stopped (no RTP for a while?); starting it again");
                    CompletableFuture.delayedExecutor(2, TimeUnit.SECONDS, executor).execute(() -> queue(id));
                }
            });
            if (!ladder.awaitListening(Duration.ofSeconds(5))) {
                LOG.warning(() -> "The HLS packager of " + id + " is not listening yet; its first frames may wait for a keyframe");
            }
            sfu.forward(id, publisher, ladder.target()).whenCompleteAsync((v, error) -> {
                if (error != null) {
                    LOG.warning(() -> "No HLS for " + id + ": the SFU does not forward its media (" + error.getMessage() + ")");
                    ladders.remove(id, new Running(publisher, ladder));
                    ladder.stop(true);
                } else {
                    LOG.info(() -> "Live HLS of " + id + ": the SFU forwards its " + media.videoCodec()
                            + " publication to the packager");
                }
            }, executor);
        } catch (IOException | RuntimeException e) {
            Running started = ladders.remove(id);
            if (started != null) {
                started.ladder().stop(true);
            }
            LOG.warning(() -> "No HLS for " + id + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean onAirThroughSfu(StreamId id) {
        try {
            Livestream stream = streams.find(id).stream();
            return stream.getStatus() == StreamStatus.LIVE && stream.getDelivery() == DeliveryMode.SFU;
        } catch (DomainException e) {
            return false;
        }
    }

    /** The end: the playlists say so, and the files go a minute later. */
    private void end(StreamId id) {
        wanted.remove(id); // from now on nothing starts a ladder for it
        executor.execute(() -> {
            synchronized (locks.computeIfAbsent(id, k -> new Object())) {
                publishers.remove(id);
                impossible.remove(id);
                Running running = ladders.remove(id);
                if (running != null) {
                    running.ladder().stop(true);
                    CompletableFuture.delayedExecutor(KEPT_AFTER_END.toSeconds(), TimeUnit.SECONDS, executor)
                            .execute(() -> {
                                if (!ladders.containsKey(id)) {
                                    packager.discard(id);
                                }
                            });
                }
            }
            locks.remove(id);
        });
    }

    @PreDestroy
    void stopAll() {
        wanted.clear();
        ladders.values().forEach(r -> r.ladder().stop(true));
        ladders.clear();
    }
}
