package io.relaycast.infrastructure.sfu;

import static io.relaycast.application.json.JsonProviders.JSON;

import io.relaycast.application.delivery.sfu.PublishedMedia;
import io.relaycast.application.delivery.sfu.RtpFeed;
import io.relaycast.application.delivery.sfu.RtpTarget;
import io.relaycast.application.delivery.sfu.Sfu;
import io.relaycast.application.delivery.sfu.SfuException;
import io.relaycast.application.delivery.sfu.SfuPeerLost;
import io.relaycast.application.delivery.sfu.SfuRestarted;
import io.relaycast.application.delivery.sfu.SfuViewerMoved;
import io.relaycast.application.routing.RoomNews;
import io.relaycast.application.routing.ServerNodes;
import io.relaycast.application.signaling.protocol.PeerId;
import io.relaycast.application.signaling.protocol.RelayPayload;
import io.relaycast.domain.model.stream.StreamId;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * Janus (VideoRoom plugin) as the {@link Sfu}, over one or several instances ({@link JanusInstances}):
 * a stream is placed on the least-loaded instance that answers (its home: one room named by the
 * stream id); past the home's capacity its audience is cascaded onto others ({@link JanusCascades});
 * an instance that is lost takes only what it held — its viewers are subscribed again elsewhere, its
 * streams' broadcasters publish again wherever they are placed now.
 */
@ApplicationScoped
public class JanusSfu implements Sfu {

    @Inject
    JanusInstances instances;

    @Inject
    JanusHomes homes;

    @Inject
    SfuMetrics metrics;

    @Inject
    Event<SfuPeerLost> peersLost;

    @Inject
    Event<SfuViewerMoved> moved;

    @Inject
    Event<SfuRestarted> restarted;

    @Inject
    ServerNodes nodes;

    private final JanusCascades cascades = new JanusCascades();
    private final JanusCopies copies = new JanusCopies(System::currentTimeMillis);
    private KeyframePacer keyframes;

    @PostConstruct
    void init() {
        metrics.ensureRegistered();
        keyframes = new KeyframePacer(System::currentTimeMillis, (ms, task) -> CompletableFuture.runAsync(task,
                CompletableFuture.delayedExecutor(ms, TimeUnit.MILLISECONDS)), this::keyframe);
        instances.listen(new JanusInstance.Listener() {
            @Override
            public void hungUp(JanusInstance janus, long handle, String reason) {
                instances.of(janus).flatMap(v -> v.peerOf(handle))
                        .ifPresent(peer -> peersLost.fireAsync(new SfuPeerLost(peer, reason)));
            }

            @Override
            public void lost(JanusInstance janus) {
                instances.of(janus).ifPresent(JanusSfu.this::lost);
            }

            @Override
            public void connected(JanusInstance janus) {
                homes.orphansAdoptable().ifPresent(rooms -> restarted.fire(new SfuRestarted(rooms)));
            }
        });
    }

    @Override
    public boolean configured() {
        return !instances.all().isEmpty();
    }

    @Override
    public boolean reachable() {
        return !instances.reachable().isEmpty();
    }

    /** Whether any instance answers, asking the unreachable ones again when none does. */
    @Override
    public boolean probe() {
        if (configured() && !reachable()) {
            instances.all().forEach(v -> v.janus.keepAliveOrReconnect());
        }
        return reachable();
    }

    @Override
    public Map<String, Boolean> instances() {
        return instances.reachability();
    }

    @Override
    public CompletionStage<RelayPayload> publish(StreamId room, PeerId publisher, RelayPayload offer) {
        // The participant id joins again: Janus must have let the previous handle go first (436 otherwise)
        return detached(publisher).thenCompose(v -> homes.place(room)).thenCompose(home -> home.publish(room, publisher, offer)
                .thenApply(answer -> refed(home, room, publisher, answer)));
    }

    @Override
    public CompletionStage<RtpFeed> publishRtp(StreamId room, PeerId publisher) {
        return detached(publisher).thenCompose(v -> homes.place(room)).thenCompose(home -> home.publishRtp(room, publisher)
                .thenApply(feed -> refed(home, room, publisher, feed)));
    }

    /** Published (again): the room's copies made before are fed from this publication. */
    private <T> T refed(JanusVideoRoom home, StreamId room, PeerId publisher, T result) {
        home.published(publisher).ifPresent(media -> cascades.refeed(home, room, publisher, media));
        return result;
    }

    @Override
    public Optional<PublishedMedia> published(PeerId publisher) {
        return instances.all().stream().map(v -> v.published(publisher)).flatMap(Optional::stream).findFirst();
    }

    @Override
    public CompletionStage<Void> forward(StreamId room, PeerId publisher, RtpTarget target) {
        for (JanusVideoRoom v : instances.all()) {
            Optional<PublishedMedia> media = v.published(publisher);
            if (media.isPresent()) {
                // Janus 1.1.2 asks for a keyframe only for forwarders made the deprecated way: the packager
                // would wait for the next periodic one (fir_freq), so a browser publisher is asked now
                return v.forwarders.forward(room, publisher, media.get(), target).thenCompose(x -> v.keyframe(room));
            }
        }
        return CompletableFuture.failedFuture(new SfuException("This publisher is not publishing here."));
    }

    @Override
    public void stopForwarding(StreamId room, PeerId publisher) {
        instances.all().forEach(v -> v.forwarders.stop(room, publisher));
    }

    @Override
    public CompletionStage<RelayPayload> subscribe(StreamId room, PeerId viewer, PeerId publisher) {
        leave(viewer);
        return homes.of(room).thenCompose(home -> {
            Optional<JanusVideoRoom> elsewhere = instances.overflowFor(home); // empty: room at home (or nowhere else)
            Optional<PublishedMedia> media = home.published(publisher);
            if (elsewhere.isEmpty()) {
                return atHome(home, room, viewer, publisher);
            } else if (media.isPresent()) { // the broadcaster is held here: cascaded onto the least-loaded other
                JanusVideoRoom target = elsewhere.get();
                return cascades.subscribe(home, target, room, viewer, publisher, media.get()).whenComplete((offer, e) -> {
                    if (e != null) {
                        instances.suspect(target);
                    }
                });
            }
            // held by another server of a cluster: to a copy it made; none yet: it is asked for one, home takes this viewer
            return copies.among(room, instances.withRoom(home), () -> nodes.announce(new RoomNews(room, RoomNews.Kind.SFU_FULL)))
                    .thenCompose(copy -> copy.isEmpty() ? atHome(home, room, viewer, publisher) : copy.get()
                            .subscribe(room, viewer, JanusVideoRoom.cascadeOf(room)).whenComplete((offer, e) -> {
                                if (e != null) {
                                    copies.gone(room, copy.get()); // destroyed: not tried again
                                }
                            }));
        });
    }

    private CompletionStage<RelayPayload> atHome(JanusVideoRoom home, StreamId room, PeerId viewer, PeerId publisher) {
        return home.subscribe(room, viewer, publisher).whenComplete((offer, e) -> homes.failed(room, home, e));
    }

    /**
     * Another server of a cluster found a stream whose broadcaster is held here full (a copy on the
     * least-loaded other instance), or has viewers starting on a copy (a keyframe).
     */
    void askedElsewhere(@Observes RoomNews news) {
        StreamId room = news.streamId();
        if (news.kind() == RoomNews.Kind.KEYFRAME_WANTED) {
            instances.publishing(room).ifPresent(v -> v.keyframe(room));
        }
        if (news.kind() != RoomNews.Kind.SFU_FULL) {
            return;
        }
        instances.publishing(room).ifPresent(home -> home.publisherOf(room)
                .ifPresent(publisher -> home.published(publisher).ifPresent(media -> instances.withRoom(home).stream()
                        .findFirst().ifPresent(target -> cascades.cascade(home, target, room, publisher, media)))));
    }

    @Override
    public CompletionStage<Void> startSubscription(PeerId viewer, RelayPayload answer) {
        JanusVideoRoom v = holding(viewer).orElseThrow(() -> new SfuException("No SFU session for this peer; join again."));
        StreamId room = v.roomOf(viewer);
        return v.start(viewer, answer).thenRun(() -> {
            if (room != null) {
                keyframes.started(room); // also for a copy's viewer: only the broadcaster can answer
            }
        });
    }

    /**
     * Asks the room's broadcaster for a keyframe, on its home; held by another server, which made the
     * copy viewers here started on, that server is asked to (Janus's own requests stop at the copy).
     */
    private void keyframe(StreamId room) {
        Optional<JanusVideoRoom> home = instances.publishing(room);
        if (home.isPresent()) {
            home.get().keyframe(room);
        } else if (copies.found(room)) {
            nodes.announce(new RoomNews(room, RoomNews.Kind.KEYFRAME_WANTED));
        }
    }

    @Override
    public void trickle(PeerId peer, RelayPayload candidate) {
        JsonObjectBuilder c = candidate.equals(RelayPayload.NULL) ? JSON.createObjectBuilder().add("completed", true)
                : JSON.createObjectBuilder(JanusConnection.parse(candidate.json()));
        holding(peer).ifPresent(v -> v.trickle(peer, c));
    }

    @Override
    public void selectLayer(PeerId viewer, int substream) {
        holding(viewer).ifPresent(v -> v.selectLayer(viewer, substream));
    }

    private Optional<JanusVideoRoom> holding(PeerId peer) {
        return instances.all().stream().filter(v -> v.holds(peer)).findFirst();
    }

    @Override
    public void leave(PeerId peer) {
        detached(peer);
    }

    /** {@link #leave}, completing once Janus has acknowledged it. */
    private CompletionStage<Void> detached(PeerId peer) {
        List<CompletableFuture<Void>> left = instances.all().stream().filter(v -> v.holds(peer))
                .map(v -> v.leave(peer).thenAccept(room -> room.ifPresent(cascades::publisherGone)).toCompletableFuture())
                .toList();
        return CompletableFuture.allOf(left.toArray(CompletableFuture[]::new));
    }

    @Override
    public void closeRoom(StreamId room) {
        instances.all().forEach(v -> v.closeRoom(room));
        cascades.roomClosed(room);
        keyframes.forget(room);
        homes.forget(room);
        copies.forget(room);
    }

    /**
     * An instance was lost with everything in it. Its viewers of streams placed elsewhere get new
     * offers at once; the streams placed on it lose their copies elsewhere too (their viewers are
     * subscribed anew once the broadcaster has published again) and are handed to {@link JanusHomes}
     * until an instance can take them.
     */
    private void lost(JanusVideoRoom instance) {
        JanusVideoRoom.Lost lost = instance.lost();
        cascades.instanceLost(instance);
        copies.lost(instance);
        homes.lost(instance, lost.published()).forEach(room -> {
            copies.forget(room); // another server's copies of it go with it (that server destroys them)
            if (lost.published().contains(room)) { // published from here: its copies here go, not on the lost one
                instances.all().stream().filter(v -> v != instance).forEach(v -> v.closeRoom(room)); // (may still have its rooms)
                cascades.roomClosed(room);
            }
        });
        // viewers of streams published from here are subscribed anew once it published again; the others now
        // (for a stream whose instance only this server lost, too: it is found again, retried meanwhile)
        lost.viewers().forEach((viewer, room) -> {
            if (!lost.published().contains(room)) {
                moved.fireAsync(new SfuViewerMoved(room, viewer));
            }
        });
        homes.orphansAdoptable().ifPresent(rooms -> restarted.fire(new SfuRestarted(rooms)));
    }
}
