package io.relaycast.infrastructure.sfu;

import static io.relaycast.application.json.JsonProviders.JSON;

import io.relaycast.application.delivery.sfu.Sfu;
import io.relaycast.application.delivery.sfu.SfuPeerLost;
import io.relaycast.application.delivery.sfu.SfuException;
import io.relaycast.application.signaling.protocol.PeerId;
import io.relaycast.application.signaling.protocol.RelayPayload;
import io.relaycast.domain.model.stream.StreamId;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Janus (VideoRoom plugin) as the {@link Sfu}: one room per live stream (named by the stream id,
 * with a random secret only this server knows); one plugin handle per publishing broadcaster or
 * subscribing viewer, on this server's {@link JanusSession}. Rooms are re-created on the next
 * publish after Janus was lost.
 */
@ApplicationScoped
public class JanusSfu implements Sfu {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    JanusSession janus;

    @Inject
    @ConfigProperty(name = "janus.admin-key")
    Optional<String> adminKey;

    private final Map<StreamId, String> roomSecrets = new ConcurrentHashMap<>();
    private final Map<PeerId, Long> handles = new ConcurrentHashMap<>();
    private final Map<PeerId, String> videoMids = new ConcurrentHashMap<>();

    @Inject
    SfuMetrics metrics;

    @Inject
    Event<SfuPeerLost> peersLost;

    @PostConstruct
    void init() {
        metrics.ensureRegistered();
        janus.onNewSession(() -> {
            roomSecrets.clear();
            handles.clear();
            videoMids.clear();
        });
    }

    @Override
    public boolean configured() {
        return janus.configured();
    }

    @Override
    public boolean reachable() {
        return janus.reachable();
    }

    @Override
    public boolean probe() {
        if (configured()) {
            janus.keepAliveOrReconnect();
        }
        return reachable();
    }

    int rooms() {
        return roomSecrets.size();
    }

    int handles() {
        return handles.size();
    }

    JanusStats stats() {
        return janus.stats;
    }

    @Override
    public CompletionStage<RelayPayload> publish(StreamId room, PeerId publisher, RelayPayload offer) {
        // The participant id joins again: Janus must have let the previous handle go first (436 otherwise)
        return detached(publisher)
                .thenCompose(v -> ensureRoom(room))
                .thenCompose(v -> attach(publisher))
                .thenCompose(handle -> pluginMessage(handle, JSON.createObjectBuilder()
                        .add("request", "joinandconfigure").add("room", room.value()).add("ptype", "publisher")
                        .add("id", publisher.value()).add("display", "broadcaster").add("audio", true)
                        .add("video", true), offer, true))
                .thenApply(JanusSfu::jsepOf);
    }

    @Override
    public CompletionStage<RelayPayload> subscribe(StreamId room, PeerId viewer, PeerId publisher) {
        leave(viewer);
        return attach(viewer)
                .thenCompose(handle -> pluginMessage(handle, JSON.createObjectBuilder()
                        .add("request", "join").add("room", room.value()).add("ptype", "subscriber")
                        .add("streams", JSON.createArrayBuilder().add(JSON.createObjectBuilder()
                                .add("feed", publisher.value()))), null, true))
                .thenApply(event -> {
                    rememberVideoMid(viewer, event);
                    return jsepOf(event);
                });
    }

    @Override
    public CompletionStage<Void> startSubscription(PeerId viewer, RelayPayload answer) {
        return pluginMessage(handleOf(viewer), JSON.createObjectBuilder().add("request", "start"), answer, true)
                .thenApply(e -> null);
    }

    @Override
    public void trickle(PeerId peer, RelayPayload candidate) {
        Long handle = handles.get(peer);
        if (handle == null) {
            return;
        }
        janus.trickle(handle, candidate.equals(RelayPayload.NULL) ? JSON.createObjectBuilder().add("completed", true)
                : JSON.createObjectBuilder(JanusConnection.parse(candidate.json())));
    }

    @Override
    public void selectLayer(PeerId viewer, int substream) {
        Long handle = handles.get(viewer);
        String mid = videoMids.get(viewer);
        if (handle == null || mid == null) {
            return;
        }
        pluginMessage(handle, JSON.createObjectBuilder().add("request", "configure").add("streams",
                JSON.createArrayBuilder().add(JSON.createObjectBuilder().add("mid", mid).add("substream", substream))),
                null, true);
    }

    /** A hangup on a handle we still hold: whose it was, for the ingest or delivery that cares. */
    void hungUp(@ObservesAsync JanusHangup hangup) {
        handles.entrySet().stream().filter(e -> e.getValue() == hangup.handle()).map(Map.Entry::getKey).findFirst()
                .ifPresent(peer -> peersLost.fireAsync(new SfuPeerLost(peer, hangup.reason())));
    }

    @Override
    public void leave(PeerId peer) {
        detached(peer);
    }

    /** {@link #leave}, completing once Janus has acknowledged it. */
    private CompletionStage<Void> detached(PeerId peer) {
        Long handle = handles.remove(peer);
        videoMids.remove(peer);
        return handle == null ? CompletableFuture.completedFuture(null) : janus.detach(handle);
    }

    @Override
    public void closeRoom(StreamId room) {
        String secret = roomSecrets.remove(room);
        if (secret == null || !reachable()) {
            return;
        }
        withAdminHandle(handle -> pluginMessage(handle, JSON.createObjectBuilder().add("request", "destroy")
                .add("room", room.value()).add("secret", secret), null, false));
    }

    /** Whether Janus has this room (for tests and diagnostics). */
    public boolean roomExists(StreamId room) {
        return withAdminHandle(handle -> pluginMessage(handle, JSON.createObjectBuilder().add("request", "exists")
                .add("room", room.value()), null, false))
                .thenApply(r -> r.getJsonObject("plugindata").getJsonObject("data").getBoolean("exists", false))
                .toCompletableFuture().join();
    }

    private CompletionStage<Void> ensureRoom(StreamId room) {
        if (roomSecrets.containsKey(room)) {
            return CompletableFuture.completedFuture(null);
        }
        String secret = randomSecret();
        // VP8 first (what browsers publish, simulcast included); H.264 for encoders (OBS's WHIP
        // output sends only H.264), which browsers decode too
        JsonObjectBuilder create = JSON.createObjectBuilder().add("request", "create").add("room", room.value())
                .add("secret", secret).add("publishers", 1).add("permanent", false).add("videocodec", "vp8,h264")
                .add("audiocodec", "opus").add("bitrate", 2_500_000).add("fir_freq", 10);
        adminKey.ifPresent(k -> create.add("admin_key", k));
        return withAdminHandle(handle -> pluginMessage(handle, create, null, false))
                .thenAccept(r -> roomSecrets.put(room, secret));
    }

    /** A short-lived handle for room management. */
    private <T> CompletionStage<T> withAdminHandle(Function<Long, CompletionStage<T>> work) {
        return janus.attachHandle().thenCompose(handle -> work.apply(handle).whenComplete((r, e) -> janus.detach(handle)));
    }

    private CompletionStage<Long> attach(PeerId peer) {
        return janus.attachHandle().thenApply(handle -> {
            handles.put(peer, handle);
            return handle;
        });
    }

    private CompletionStage<JsonObject> pluginMessage(long handle, JsonObjectBuilder body, RelayPayload jsep,
                                                      boolean async) {
        return janus.pluginMessage(handle, body, jsep, async);
    }

    private long handleOf(PeerId peer) {
        Long handle = handles.get(peer);
        if (handle == null) {
            throw new SfuException("No SFU session for this peer; join again.");
        }
        return handle;
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
}
