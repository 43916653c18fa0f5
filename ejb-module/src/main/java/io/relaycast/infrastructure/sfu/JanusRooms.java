package io.relaycast.infrastructure.sfu;

import static io.relaycast.application.json.JsonProviders.JSON;

import io.relaycast.application.recording.ServerRecording;
import io.relaycast.domain.model.stream.StreamId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The VideoRoom rooms of this server's streams: one per live stream, named by the stream id, with a
 * random secret only this server knows; and, for a stream the server records, Janus's recording
 * of its publishers into the stream's recording directory.
 */
@ApplicationScoped
public class JanusRooms {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    JanusSession janus;

    @Inject
    @ConfigProperty(name = "janus.admin-key")
    Optional<String> adminKey;

    @Inject
    ServerRecording recording;

    private final Map<StreamId, String> secrets = new ConcurrentHashMap<>();
    private final Set<StreamId> recorded = ConcurrentHashMap.newKeySet();

    /** Creates the room unless this server has it; a recorded stream's room knows where to record. */
    CompletionStage<Void> ensure(StreamId room) {
        if (secrets.containsKey(room)) {
            return CompletableFuture.completedFuture(null);
        }
        String secret = randomSecret();
        // VP8 first (what browsers publish, simulcast included); H.264 for encoders (OBS's WHIP
        // output sends only H.264), which browsers decode too
        JsonObjectBuilder create = JSON.createObjectBuilder().add("request", "create").add("room", room.value())
                .add("secret", secret).add("publishers", 1).add("permanent", false).add("videocodec", "vp8,h264")
                .add("audiocodec", "opus").add("bitrate", 2_500_000).add("fir_freq", 10);
        Optional<String> dir = recording.directoryFor(room);
        // record stays off at creation: switched on once a publisher is in (see record)
        dir.ifPresent(d -> create.add("record", false).add("rec_dir", d).add("lock_record", true));
        adminKey.ifPresent(k -> create.add("admin_key", k));
        return withAdminHandle(handle -> janus.pluginMessage(handle, create, null, false))
                .thenAccept(r -> {
                    secrets.put(room, secret);
                    dir.ifPresent(d -> recorded.add(room));
                });
    }

    /**
     * After a publisher joined a recorded room: recording switched on for the room's publishers
     * ({@code enable_recording}, which also asks them for a keyframe). Janus 1.1.2 gives a remote
     * publisher (an encoder's RTP) a recorder only then, not on its own, so for one recording is
     * switched off and on again; a browser publisher joining a room that records gets one anyway.
     */
    CompletionStage<Void> record(StreamId room, boolean remotePublisher) {
        String secret = secrets.get(room);
        if (secret == null || !recorded.contains(room)) {
            return CompletableFuture.completedFuture(null);
        }
        CompletionStage<Void> off = remotePublisher ? enableRecording(room, secret, false) : CompletableFuture.completedFuture(null);
        return off.thenCompose(v -> enableRecording(room, secret, true));
    }

    private CompletionStage<Void> enableRecording(StreamId room, String secret, boolean on) {
        return withAdminHandle(handle -> janus.pluginMessage(handle, JSON.createObjectBuilder()
                .add("request", "enable_recording").add("room", room.value()).add("secret", secret).add("record", on),
                null, false)).thenAccept(r -> { });
    }

    String secret(StreamId room) {
        return secrets.get(room);
    }

    /** Destroys the room (Janus closes its recordings). */
    void close(StreamId room) {
        String secret = secrets.remove(room);
        recorded.remove(room);
        if (secret == null || !janus.reachable()) {
            return;
        }
        withAdminHandle(handle -> janus.pluginMessage(handle, JSON.createObjectBuilder().add("request", "destroy")
                .add("room", room.value()).add("secret", secret), null, false));
    }

    /** Whether Janus has this room (for tests and diagnostics). */
    boolean exists(StreamId room) {
        return withAdminHandle(handle -> janus.pluginMessage(handle, JSON.createObjectBuilder().add("request", "exists")
                .add("room", room.value()), null, false))
                .thenApply(r -> r.getJsonObject("plugindata").getJsonObject("data").getBoolean("exists", false))
                .toCompletableFuture().join();
    }

    int count() {
        return secrets.size();
    }

    /** A new Janus session: the old one's rooms are gone with it. */
    void forgetAll() {
        secrets.clear();
        recorded.clear();
    }

    /** A short-lived handle for room management. */
    <T> CompletionStage<T> withAdminHandle(Function<Long, CompletionStage<T>> work) {
        return janus.attachHandle().thenCompose(handle -> work.apply(handle).whenComplete((r, e) -> janus.detach(handle)));
    }

    private static String randomSecret() {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
