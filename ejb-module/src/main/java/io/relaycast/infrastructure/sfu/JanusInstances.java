package io.relaycast.infrastructure.sfu;

import io.relaycast.application.delivery.sfu.SfuLoadShare;
import io.relaycast.application.events.StreamStarted;
import io.relaycast.application.recording.ServerRecording;
import io.relaycast.application.routing.RoomNews;
import io.relaycast.domain.model.stream.StreamId;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The Janus instances of {@code JANUS_URLS} (or the one of {@code JANUS_URL}), each with its session
 * kept alive every 5 s, and the choices between them: where a new stream is placed (the
 * least-loaded one that answers) and where an audience overflows once an instance holds
 * {@code JANUS_MAX_SUBSCRIBERS} viewers.
 */
@ApplicationScoped
public class JanusInstances {

    private static final Logger LOG = Logger.getLogger(JanusInstances.class.getName());

    @Inject
    @ConfigProperty(name = "janus.url")
    Optional<String> url;

    @Inject
    @ConfigProperty(name = "janus.urls")
    Optional<String> urls;

    @Inject
    @ConfigProperty(name = "janus.max-subscribers", defaultValue = "0")
    int maxSubscribers;

    @Inject
    @ConfigProperty(name = "janus.api-secret")
    Optional<String> apiSecret;

    /** The VideoRoom's admin_key: every instance is expected to have the same configuration. */
    @Inject
    @ConfigProperty(name = "janus.admin-key")
    Optional<String> adminKey;

    @Inject
    ServerRecording recording;

    /** The other servers' viewers on each instance (a cluster's), so that capacities hold for all. */
    @Inject
    SfuLoadShare loads;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private List<JanusVideoRoom> all = List.of();
    private volatile JanusInstance.Listener listener;
    private ScheduledFuture<?> keepalive;
    private ScheduledFuture<?> exchange;

    /** Every URL of {@code JANUS_URLS}, in order. */
    static List<String> split(String urls) {
        return Arrays.stream(urls.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    @PostConstruct
    void start() {
        List<String> list = urls.map(JanusInstances::split).filter(l -> !l.isEmpty())
                .or(() -> url.map(List::of)).orElse(List.of());
        // to nobody until someone listens; a loss is handled at once, on the thread that noticed it, so
        // that what the lost session held is forgotten before a new session can be opened
        JanusInstance.Listener relay = new JanusInstance.Listener() {
            @Override
            public void hungUp(JanusInstance janus, long handle, String reason) {
                Optional.ofNullable(listener).ifPresent(l -> l.hungUp(janus, handle, reason));
            }

            @Override
            public void lost(JanusInstance janus) {
                Optional.ofNullable(listener).ifPresent(l -> l.lost(janus));
            }

            @Override
            public void connected(JanusInstance janus) {
                Optional.ofNullable(listener).ifPresent(l -> l.connected(janus));
            }
        };
        List<JanusVideoRoom> made = new ArrayList<>();
        for (String u : list) {
            JanusInstance janus = new JanusInstance(made.size() + 1, URI.create(u), apiSecret.orElse(null), relay);
            made.add(new JanusVideoRoom(janus, new JanusRooms(janus, adminKey, recording)));
        }
        all = List.copyOf(made);
        if (all.size() > 1) {
            LOG.info(() -> all.size() + " Janus instances: streams placed on the least loaded; audiences overflow past "
                    + (maxSubscribers > 0 ? maxSubscribers + " viewers each" : "no limit (JANUS_MAX_SUBSCRIBERS unset)"));
        }
        if (!all.isEmpty()) {
            keepalive = scheduler.scheduleWithFixedDelay(this::keepAlive, 0, 5, TimeUnit.SECONDS);
        }
        if (all.size() > 1) { // one instance: nothing to choose
            exchange = scheduler.scheduleWithFixedDelay(this::exchangeLoads, 1, 1, TimeUnit.SECONDS);
        }
    }

    /** Who hears of hangups, losses and (re)connections. */
    void listen(JanusInstance.Listener listener) {
        this.listener = listener;
    }

    private void keepAlive() {
        all.forEach(v -> v.janus.keepAliveOrReconnect());
    }

    /** Tells the other servers the viewers this one has on each instance, and learns theirs. */
    private void exchangeLoads() {
        try {
            Map<String, Integer> mine = new LinkedHashMap<>();
            all.forEach(v -> mine.put(v.janus.url.toString(), v.localSubscribers()));
            Map<String, Integer> others = loads.exchange(mine);
            all.forEach(v -> v.elsewhere(others.getOrDefault(v.janus.url.toString(), 0)));
        } catch (RuntimeException e) { // Redis away: the last figures stand until it answers
            LOG.fine(() -> "SFU loads not exchanged: " + e.getMessage());
        }
    }

    /** A request failed as if the instance were gone: checked now rather than at the next keepalive. */
    void suspect(JanusVideoRoom instance) {
        scheduler.execute(instance.janus::keepAliveOrReconnect);
    }

    List<JanusVideoRoom> all() {
        return all;
    }

    Optional<JanusVideoRoom> of(JanusInstance janus) {
        return all.stream().filter(v -> v.janus == janus).findFirst();
    }

    /** The instance a publisher of this server publishes the room into (its home, seen from here). */
    Optional<JanusVideoRoom> publishing(StreamId room) {
        return all.stream().filter(v -> v.publishes(room)).findFirst();
    }

    /** Rooms this server made, on all instances (for /metrics). */
    int rooms() {
        return all.stream().mapToInt(v -> v.rooms.count()).sum();
    }

    /** Publisher and subscriber handles, on all instances (for /metrics). */
    int handles() {
        return all.stream().mapToInt(JanusVideoRoom::handles).sum();
    }

    List<JanusVideoRoom> reachable() {
        return all.stream().filter(v -> v.janus.reachable()).toList();
    }

    /** Where a new stream goes ({@link SfuPlacement#leastLoaded}). */
    Optional<JanusVideoRoom> leastLoaded() {
        return SfuPlacement.leastLoaded(all);
    }

    /** Where the next viewer of a stream placed on {@code home} goes ({@link SfuPlacement#overflowFor}). */
    Optional<JanusVideoRoom> overflowFor(JanusVideoRoom home) {
        return SfuPlacement.overflowFor(home, all, maxSubscribers);
    }

    /** The instances other than {@code home} with room for a viewer, least loaded first ({@link SfuPlacement#withRoom}). */
    List<JanusVideoRoom> withRoom(JanusVideoRoom home) {
        return SfuPlacement.withRoom(home, all, maxSubscribers);
    }

    /** The stream went live: its room, wherever it is, starts recording the publishers already in (an encoder too). */
    void started(@Observes(during = TransactionPhase.AFTER_SUCCESS) StreamStarted e) {
        all.forEach(v -> v.rooms.started(e.streamId(), true));
    }

    /** … also when another server of a cluster started it (where this one holds its room). */
    void startedElsewhere(@Observes RoomNews news) {
        if (news.kind() == RoomNews.Kind.STARTED) {
            all.forEach(v -> v.rooms.started(news.streamId(), false));
        }
    }

    /** Whether each instance answers, by its place in JANUS_URLS ("1" the first). */
    Map<String, Boolean> reachability() {
        Map<String, Boolean> map = new LinkedHashMap<>();
        all.forEach(v -> map.put(Integer.toString(v.janus.number), v.janus.reachable()));
        return map;
    }

    @PreDestroy
    void stop() {
        if (keepalive != null) {
            keepalive.cancel(false);
        }
        if (exchange != null) {
            exchange.cancel(false);
        }
        all.forEach(v -> v.janus.close());
    }
}
