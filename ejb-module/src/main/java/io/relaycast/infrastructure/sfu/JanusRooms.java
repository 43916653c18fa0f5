package io.relaycast.infrastructure.sfu;

import static io.relaycast.application.json.JsonProviders.JSON;

import io.relaycast.application.recording.ServerRecording;
import io.relaycast.application.signaling.protocol.PeerId;
import io.relaycast.domain.model.stream.StreamId;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * The VideoRoom rooms this server made on one Janus: one per live stream placed there (or cascaded
 * there), named by the stream id, with a random secret only this server knows; and, for a stream the
 * server records, Janus's recording of its publishers into the stream's recording directory.
 */
final class JanusRooms {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Logger LOG = Logger.getLogger(JanusRooms.class.getName());

    private final JanusInstance janus;
    private final Optional<String> adminKey;
    private final ServerRecording recording;

    private final Map<StreamId, String> secrets = new ConcurrentHashMap<>();
    private final Set<StreamId> recorded = ConcurrentHashMap.newKeySet();
    /** Recorded rooms whose stream is on air: only then is anything recorded (not the pre-show). */
    private final Set<StreamId> onAir = ConcurrentHashMap.newKeySet();
    /** Rooms of a lost session: Janus may still have them (only the connection dropped): destroyed before made again. */
    private final Map<StreamId, String> stale = new ConcurrentHashMap<>();
    private volatile boolean numericIds;

    JanusRooms(JanusInstance janus, Optional<String> adminKey, ServerRecording recording) {
        this.janus = janus;
        this.adminKey = adminKey;
        this.recording = recording;
    }

    /** Creates the room unless this server has it; a recorded stream's room knows where to record. */
    CompletionStage<Void> ensure(StreamId room) {
        if (secrets.containsKey(room)) {
            return CompletableFuture.completedFuture(null);
        }
        ServerRecording.Plan plan = recording.planFor(room);
        if (plan.onAir()) {
            onAir.add(room);
        }
        return create(room, randomSecret(), plan.directory(), true);
    }

    /** A cascade's copy of a room (never recorded: the stream's own room is). */
    CompletionStage<Void> ensureCopy(StreamId room) {
        return secrets.containsKey(room) ? CompletableFuture.completedFuture(null)
                : create(room, randomSecret(), Optional.empty(), true);
    }

    /** The stream went live (here or on another server): its room, if here, records the publishers already in. */
    void started(StreamId room, boolean startedHere) {
        if (startedHere || secrets.containsKey(room)) {
            onAir.add(room);
            record(room, true);
        }
    }

    /** What Janus has of a stream: nothing (or an empty room), its room with its publisher (placed here), or a cascade's copy. */
    enum Held { NOTHING, STREAM, COPY }

    /**
     * What Janus has of the stream, made by whichever server of a cluster: a copy's one publisher is
     * the {@code cascade}. Learns how this Janus names rooms on the way.
     */
    CompletionStage<Held> held(StreamId room, PeerId cascade) {
        return withAdminHandle(handle -> janus.pluginMessage(handle, id(JSON.createObjectBuilder()
                .add("request", "listparticipants"), room), null, false)).handle((r, e) -> {
                    if (e != null && !numericIds && refusesStringIds(e)) {
                        numericIds = true;
                        return null; // asked again, by number
                    }
                    return e != null ? Held.NOTHING : heldIn(r, cascade);
                }).thenCompose(held -> held != null ? CompletableFuture.completedFuture(held) : held(room, cascade));
    }

    /** A copy has the cascade among its participants; the stream's own room, a publisher publishing (an empty room is nobody's). */
    private Held heldIn(JsonObject answer, PeerId cascade) {
        String id = numericIds ? Long.toString(number(cascade.value())) : cascade.value();
        List<JsonObject> participants = answer.getJsonObject("plugindata").getJsonObject("data")
                .getJsonArray("participants").getValuesAs(JsonObject.class);
        if (participants.stream().anyMatch(p -> id.equals(String.valueOf(p.get("id")).replace("\"", "")))) {
            return Held.COPY;
        }
        return participants.stream().anyMatch(p -> p.getBoolean("publisher", false)) ? Held.STREAM : Held.NOTHING;
    }

    private CompletionStage<Void> create(StreamId room, String secret, Optional<String> dir, boolean firstTry) {
        // VP8 first (what browsers publish, simulcast included); H.264 for encoders (OBS's WHIP
        // output sends only H.264), which browsers decode too
        JsonObjectBuilder create = id(JSON.createObjectBuilder().add("request", "create"), room)
                .add("secret", secret).add("publishers", 1).add("permanent", false).add("videocodec", "vp8,h264")
                .add("audiocodec", "opus").add("bitrate", 2_500_000).add("fir_freq", 10);
        // record stays off at creation: switched on once a publisher is in (see record)
        dir.ifPresent(d -> create.add("record", false).add("rec_dir", d).add("lock_record", true));
        adminKey.ifPresent(k -> create.add("admin_key", k));
        String old = stale.remove(room);
        CompletionStage<Void> cleared = old == null ? CompletableFuture.completedFuture(null)
                : withAdminHandle(handle -> janus.pluginMessage(handle, id(JSON.createObjectBuilder()
                        .add("request", "destroy"), room).add("secret", old), null, false)).handle((r, e) -> null);
        return cleared.thenCompose(v -> withAdminHandle(handle -> janus.pluginMessage(handle, create, null, false)))
                .thenApply(r -> (Throwable) null).exceptionally(e -> e)
                .thenCompose(failure -> {
                    if (failure == null) {
                        secrets.put(room, secret);
                        dir.ifPresent(d -> recorded.add(room));
                        return CompletableFuture.completedFuture(null);
                    }
                    // (two creates may be refused at once: each retries, whoever set the flag)
                    if (firstTry && refusesStringIds(failure)) {
                        // Janus's stock configuration (string_ids off): rooms are numbers from now on
                        numericIds = true;
                        LOG.info("Janus's VideoRoom names rooms by number (string_ids off): using numeric room ids");
                        return create(room, secret, dir, false);
                    }
                    return CompletableFuture.failedStage(failure);
                });
    }

    /** 430 "Invalid element type (room should be a positive integer)", as Janus 1.1.2 answers a string id. */
    static boolean refusesStringIds(Throwable failure) {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        String message = String.valueOf(cause.getMessage());
        return message.contains("430") && message.contains("integer");
    }

    /**
     * Adds the room's id as this Janus names rooms (and participants): the stream id (string_ids on, as Relaycast's own
     * configuration has it), or a positive number derived from it (Janus's stock configuration).
     */
    JsonObjectBuilder id(JsonObjectBuilder request, StreamId room) {
        return numericIds ? request.add("room", number(room)) : request.add("room", room.value());
    }

    /** Adds a participant's id (a publisher's, or the feed a subscriber wants) the same way as rooms. */
    JsonObjectBuilder participant(JsonObjectBuilder request, String key, PeerId peer) {
        return numericIds ? request.add(key, number(peer.value())) : request.add(key, peer.value());
    }

    /** A stream's room number: 63 bits of a digest of its id (stable, so every node names it alike). */
    static long number(StreamId room) {
        return number(room.value());
    }

    static long number(String id) {
        long n = UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8)).getMostSignificantBits() & Long.MAX_VALUE;
        return n == 0 ? 1 : n;
    }

    /**
     * After a publisher joined a recorded room: recording switched on for the room's publishers
     * ({@code enable_recording}, which also asks them for a keyframe). Janus 1.1.2 gives a remote
     * publisher (an encoder's RTP) a recorder only then, not on its own, so for one recording is
     * switched off and on again; a browser publisher joining a room that records gets one anyway.
     */
    CompletionStage<Void> record(StreamId room, boolean remotePublisher) {
        String secret = secrets.get(room);
        if (secret == null || !recorded.contains(room) || !onAir.contains(room)) {
            return CompletableFuture.completedFuture(null);
        }
        CompletionStage<Void> off = remotePublisher ? enableRecording(room, secret, false) : CompletableFuture.completedFuture(null);
        return off.thenCompose(v -> enableRecording(room, secret, true));
    }

    private CompletionStage<Void> enableRecording(StreamId room, String secret, boolean on) {
        return withAdminHandle(handle -> janus.pluginMessage(handle, id(JSON.createObjectBuilder()
                .add("request", "enable_recording"), room).add("secret", secret).add("record", on),
                null, false)).thenAccept(r -> { });
    }

    /** Janus's VideoRoom admin key, when it has one (a method: a field read through the CDI proxy is not the bean's). */
    Optional<String> adminKey() {
        return adminKey;
    }

    String secret(StreamId room) {
        return secrets.get(room);
    }

    /** Destroys the room (Janus closes its recordings). */
    void close(StreamId room) {
        String old = stale.remove(room); // a lost session's room, which Janus may still have
        String secret = Optional.ofNullable(secrets.remove(room)).orElse(old);
        recorded.remove(room);
        onAir.remove(room);
        if (secret == null || !janus.reachable()) {
            return;
        }
        withAdminHandle(handle -> janus.pluginMessage(handle, id(JSON.createObjectBuilder().add("request", "destroy"), room)
                .add("secret", secret), null, false));
    }

    int count() {
        return secrets.size();
    }

    /** The session was lost: its rooms are gone with it (or stale, if Janus only dropped the connection). */
    void forgetAll() {
        stale.putAll(secrets);
        secrets.clear();
        recorded.clear();
        onAir.clear();
        numericIds = false; // another Janus (or the same, configured anew): learned again
    }

    /** A short-lived handle for room management. */
    <T> CompletionStage<T> withAdminHandle(Function<Long, CompletionStage<T>> work) {
        return janus.attachHandle().thenCompose(handle -> work.apply(handle).whenComplete((r, e) -> janus.detach(handle)));
    }

    static String randomSecret() {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
