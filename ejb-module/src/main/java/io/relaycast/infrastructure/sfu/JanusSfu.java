package io.relaycast.infrastructure.sfu;

import io.relaycast.application.sfu.Sfu;
import io.relaycast.application.sfu.SfuException;
import io.relaycast.application.sfu.SfuRestarted;
import io.relaycast.application.signaling.PeerId;
import io.relaycast.application.signaling.RelayPayload;
import io.relaycast.domain.model.StreamId;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URI;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Janus (VideoRoom plugin) as the {@link Sfu}: one Janus session for this server, kept alive; one
 * room per live stream (named by the stream id, with a random secret only this server knows); one
 * plugin handle per publishing broadcaster or subscribing viewer. When Janus goes away the session
 * is re-created once it is back; rooms are re-created on the next publish.
 */
@ApplicationScoped
public class JanusSfu implements Sfu {

    private static final Logger LOG = Logger.getLogger(JanusSfu.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PLUGIN = "janus.plugin.videoroom";

    @Inject
    @ConfigProperty(name = "janus.url")
    Optional<String> url;

    @Inject
    @ConfigProperty(name = "janus.api-secret")
    Optional<String> apiSecret;

    @Inject
    @ConfigProperty(name = "janus.admin-key")
    Optional<String> adminKey;

    @Resource
    ManagedScheduledExecutorService scheduler;

    final JanusStats stats = new JanusStats();
    private final Map<StreamId, String> roomSecrets = new ConcurrentHashMap<>();
    private final Map<PeerId, Long> handles = new ConcurrentHashMap<>();
    private final Map<PeerId, String> videoMids = new ConcurrentHashMap<>();
    private volatile JanusConnection connection;
    private volatile long session;
    private ScheduledFuture<?> keepalive;
    private boolean everConnected;

    @Inject
    Event<SfuRestarted> restarted;

    @PostConstruct
    void start() {
        if (url.isPresent()) {
            keepalive = scheduler.scheduleWithFixedDelay(this::keepAliveOrReconnect, 0, 5, TimeUnit.SECONDS);
        }
    }

    @Override
    public boolean configured() {
        return url.isPresent();
    }

    @Override
    public boolean reachable() {
        return connection != null && session != 0;
    }

    @Override
    public boolean probe() {
        if (configured()) {
            keepAliveOrReconnect();
        }
        return reachable();
    }

    int rooms() {
        return roomSecrets.size();
    }

    int handles() {
        return handles.size();
    }

    private synchronized void keepAliveOrReconnect() {
        try {
            if (reachable()) {
                connection.request(base("keepalive"), false).toCompletableFuture().join();
                return;
            }
            JanusConnection c = JanusConnection.open(URI.create(url.get()), apiSecret.orElse(null), this::unsolicited,
                    this::lost, stats);
            JsonObject created = c.request(Json.createObjectBuilder().add("janus", "create"), false)
                    .toCompletableFuture().join();
            connection = c;
            session = created.getJsonObject("data").getJsonNumber("id").longValue();
            boolean again = everConnected;
            everConnected = true;
            roomSecrets.clear(); // a new Janus (or a restarted one) has none of our rooms
            handles.clear();
            LOG.info(() -> "Connected to Janus at " + url.get());
            if (again) {
                restarted.fire(new SfuRestarted());
            }
        } catch (RuntimeException e) {
            if (reachable()) {
                LOG.warning(() -> "Janus keepalive failed: " + e.getMessage());
                lost();
            } else {
                LOG.fine(() -> "Janus not reachable at " + url.get() + ": " + e.getMessage());
            }
        }
    }

    private void lost() {
        JanusConnection c = connection;
        connection = null;
        session = 0;
        if (c != null) {
            c.close();
            LOG.warning("Lost the connection to Janus; reconnecting");
        }
    }

    private void unsolicited(JsonObject msg) {
        if ("hangup".equals(msg.getString("janus", "")) || "detached".equals(msg.getString("janus", ""))) {
            LOG.fine(() -> "Janus: " + msg);
        }
    }

    @Override
    public CompletionStage<RelayPayload> publish(StreamId room, PeerId publisher, RelayPayload offer) {
        leave(publisher);
        return ensureRoom(room)
                .thenCompose(v -> attach(publisher))
                .thenCompose(handle -> pluginMessage(handle, Json.createObjectBuilder()
                        .add("request", "joinandconfigure").add("room", room.value()).add("ptype", "publisher")
                        .add("id", publisher.value()).add("display", "broadcaster").add("audio", true)
                        .add("video", true), offer, true))
                .thenApply(JanusSfu::jsepOf);
    }

    @Override
    public CompletionStage<RelayPayload> subscribe(StreamId room, PeerId viewer, PeerId publisher) {
        leave(viewer);
        return attach(viewer)
                .thenCompose(handle -> pluginMessage(handle, Json.createObjectBuilder()
                        .add("request", "join").add("room", room.value()).add("ptype", "subscriber")
                        .add("streams", Json.createArrayBuilder().add(Json.createObjectBuilder()
                                .add("feed", publisher.value()))), null, true))
                .thenApply(event -> {
                    rememberVideoMid(viewer, event);
                    return jsepOf(event);
                });
    }

    @Override
    public CompletionStage<Void> startSubscription(PeerId viewer, RelayPayload answer) {
        return pluginMessage(handleOf(viewer), Json.createObjectBuilder().add("request", "start"), answer, true)
                .thenApply(e -> null);
    }

    @Override
    public void trickle(PeerId peer, RelayPayload candidate) {
        Long handle = handles.get(peer);
        if (handle == null || !reachable()) {
            return;
        }
        JsonObjectBuilder b = base("trickle").add("handle_id", handle);
        if (candidate.equals(RelayPayload.NULL)) {
            b.add("candidate", Json.createObjectBuilder().add("completed", true));
        } else {
            b.add("candidate", JanusConnection.parse("{\"c\":" + candidate.json() + "}").get("c"));
        }
        connection.request(b, false);
    }

    @Override
    public void selectLayer(PeerId viewer, int substream) {
        Long handle = handles.get(viewer);
        String mid = videoMids.get(viewer);
        if (handle == null || mid == null) {
            return;
        }
        pluginMessage(handle, Json.createObjectBuilder().add("request", "configure").add("streams",
                Json.createArrayBuilder().add(Json.createObjectBuilder().add("mid", mid).add("substream", substream))),
                null, true);
    }

    @Override
    public void leave(PeerId peer) {
        Long handle = handles.remove(peer);
        videoMids.remove(peer);
        if (handle != null && reachable()) {
            connection.request(base("detach").add("handle_id", handle), false);
        }
    }

    @Override
    public void closeRoom(StreamId room) {
        String secret = roomSecrets.remove(room);
        if (secret == null || !reachable()) {
            return;
        }
        withAdminHandle(handle -> pluginMessage(handle, Json.createObjectBuilder().add("request", "destroy")
                .add("room", room.value()).add("secret", secret), null, false));
    }

    /** Whether Janus has this room (for tests and diagnostics). */
    public boolean roomExists(StreamId room) {
        return withAdminHandle(handle -> pluginMessage(handle, Json.createObjectBuilder().add("request", "exists")
                .add("room", room.value()), null, false))
                .thenApply(r -> r.getJsonObject("plugindata").getJsonObject("data").getBoolean("exists", false))
                .toCompletableFuture().join();
    }

    private CompletionStage<Void> ensureRoom(StreamId room) {
        if (roomSecrets.containsKey(room)) {
            return CompletableFuture.completedFuture(null);
        }
        String secret = randomSecret();
        JsonObjectBuilder create = Json.createObjectBuilder().add("request", "create").add("room", room.value())
                .add("secret", secret).add("publishers", 1).add("permanent", false).add("videocodec", "vp8")
                .add("audiocodec", "opus").add("bitrate", 2_500_000).add("fir_freq", 10);
        adminKey.ifPresent(k -> create.add("admin_key", k));
        return withAdminHandle(handle -> pluginMessage(handle, create, null, false))
                .thenAccept(r -> roomSecrets.put(room, secret));
    }

    /** A short-lived handle for room management. */
    private <T> CompletionStage<T> withAdminHandle(java.util.function.Function<Long, CompletionStage<T>> work) {
        return attachHandle().thenCompose(handle -> work.apply(handle).whenComplete((r, e) ->
                connection().request(base("detach").add("handle_id", handle), false)));
    }

    private CompletionStage<Long> attach(PeerId peer) {
        return attachHandle().thenApply(handle -> {
            handles.put(peer, handle);
            return handle;
        });
    }

    private CompletionStage<Long> attachHandle() {
        return connection().request(base("attach").add("plugin", PLUGIN), false)
                .thenApply(r -> r.getJsonObject("data").getJsonNumber("id").longValue());
    }

    private CompletionStage<JsonObject> pluginMessage(long handle, JsonObjectBuilder body, RelayPayload jsep,
                                                      boolean async) {
        JsonObjectBuilder msg = base("message").add("handle_id", handle).add("body", body);
        if (jsep != null) {
            msg.add("jsep", JanusConnection.parse(jsep.json()));
        }
        return connection().request(msg, async);
    }

    private long handleOf(PeerId peer) {
        Long handle = handles.get(peer);
        if (handle == null) {
            throw new SfuException("No SFU session for this peer; join again.");
        }
        return handle;
    }

    private JanusConnection connection() {
        JanusConnection c = connection;
        if (c == null || session == 0) {
            throw new SfuException("The SFU is not reachable right now.");
        }
        return c;
    }

    private JsonObjectBuilder base(String janus) {
        return Json.createObjectBuilder().add("janus", janus).add("session_id", session);
    }

    private void rememberVideoMid(PeerId viewer, JsonObject event) {
        JsonObject data = event.getJsonObject("plugindata").getJsonObject("data");
        if (data.containsKey("streams")) {
            data.getJsonArray("streams").getValuesAs(JsonObject.class).stream()
                    .filter(s -> "video".equals(s.getString("type", ""))).findFirst()
                    .ifPresent(s -> videoMids.put(viewer, s.getString("mid")));
        }
    }

    private static RelayPayload jsepOf(JsonObject event) {
        if (!event.containsKey("jsep")) {
            throw new SfuException("Janus answered without a session description.");
        }
        return new RelayPayload(event.getJsonObject("jsep").toString());
    }

    private static String randomSecret() {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    @PreDestroy
    void stop() {
        if (keepalive != null) {
            keepalive.cancel(false);
        }
        JanusConnection c = connection;
        if (c != null) {
            c.close();
        }
    }
}
