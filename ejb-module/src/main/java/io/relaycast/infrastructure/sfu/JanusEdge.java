package io.relaycast.infrastructure.sfu;

import static io.relaycast.application.json.JsonProviders.JSON;

import io.relaycast.application.delivery.sfu.RtpFeed;
import io.relaycast.application.delivery.sfu.SfuException;
import io.relaycast.application.signaling.protocol.PeerId;
import io.relaycast.application.signaling.protocol.RelayPayload;
import io.relaycast.domain.model.stream.StreamId;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * A Janus that takes the overflow of a stream's audience (one of {@code JANUS_URLS} after the
 * first): the stream's room is cascaded here — a VideoRoom remote publisher fed by an RTP forwarder
 * on the Janus the broadcaster publishes to — and viewers are subscribed to that. It holds its own
 * session, rooms and subscriber handles; when it is lost, {@link #lost} hands back whose they were.
 */
final class JanusEdge {

    private static final Logger LOG = Logger.getLogger(JanusEdge.class.getName());
    private static final String PLUGIN = "janus.plugin.videoroom";

    final URI url;
    final JanusStats stats = new JanusStats();
    private final String apiSecret;
    private final String adminKey;
    private final Runnable onClosed;
    private volatile JanusConnection connection;
    private volatile long session;
    private volatile boolean numericIds;
    private final Map<StreamId, String> secrets = new ConcurrentHashMap<>();
    /** Rooms of a lost session: Janus may still have them (only the connection dropped): destroyed before made again. */
    private final Map<StreamId, String> stale = new ConcurrentHashMap<>();
    private final Map<StreamId, CompletableFuture<RtpFeed>> cascades = new ConcurrentHashMap<>();
    private final Map<PeerId, Long> handles = new ConcurrentHashMap<>();
    private final Map<PeerId, StreamId> viewers = new ConcurrentHashMap<>();

    /** {@code onClosed}: Janus closed the connection (it died, most likely): checked at once, not at the next keepalive. */
    JanusEdge(URI url, String apiSecret, String adminKey, Runnable onClosed) {
        this.url = url;
        this.apiSecret = apiSecret;
        this.adminKey = adminKey;
        this.onClosed = onClosed;
    }

    boolean reachable() {
        return connection != null && session != 0;
    }

    /** Viewers subscribed here now (its load). */
    int subscribers() {
        return viewers.size();
    }

    /**
     * Keeps the session alive, or opens one; a session lost since the last call hands back the
     * viewers it held (to be subscribed elsewhere), keyed by their room.
     */
    synchronized Map<PeerId, StreamId> keepAliveOrReconnect() {
        try {
            if (reachable()) {
                connection.request(base("keepalive"), false).toCompletableFuture().join();
                return Map.of();
            }
            JanusConnection c = JanusConnection.open(url, apiSecret, m -> LOG.fine(() -> "Janus edge: " + m),
                    onClosed, stats);
            JsonObject created;
            try {
                created = c.request(JSON.createObjectBuilder().add("janus", "create"), false).toCompletableFuture().join();
            } catch (RuntimeException e) {
                c.close(); // not ours yet: nobody else would close it
                throw e;
            }
            connection = c;
            session = created.getJsonObject("data").getJsonNumber("id").longValue();
            LOG.info(() -> "Connected to Janus at " + url + " (audience overflow)");
            return Map.of();
        } catch (RuntimeException e) {
            return reachable() ? lost(e.getMessage()) : Map.of();
        }
    }

    /** Its session is gone with everything in it: the viewers it held, by room. */
    synchronized Map<PeerId, StreamId> lost(String why) {
        JanusConnection c = connection;
        if (c == null) {
            return Map.of(); // known already (closing it below calls back here)
        }
        connection = null;
        session = 0;
        c.close();
        LOG.warning(() -> "Lost Janus at " + url + " (" + why + "); its " + viewers.size() + " viewers move");
        Map<PeerId, StreamId> moved = Map.copyOf(viewers);
        viewers.clear();
        handles.clear();
        stale.putAll(secrets);
        secrets.clear();
        cascades.clear();
        return moved;
    }

    /**
     * The stream's room here, with a remote publisher for its cascade (once per room): where the
     * origin's forwarder sends the publisher's RTP (audio SSRC 1000, video 1010).
     */
    CompletionStage<RtpFeed> cascade(StreamId room, String videoCodec) {
        CompletableFuture<RtpFeed> mine = new CompletableFuture<>();
        CompletableFuture<RtpFeed> existing = cascades.putIfAbsent(room, mine);
        if (existing != null) {
            return existing;
        }
        CompletableFuture.completedFuture(room).thenCompose(r -> ensureRoom(r, true)) // also when not reachable now
                .thenCompose(v -> pluginMessage(null, JanusRemotePublishers.request(participant(id(
                        JSON.createObjectBuilder(), room), "id", cascadeOf(room)).add("secret", secrets.get(room)),
                        "cascade", videoCodec), false))
                .thenApply(answer -> JanusRemotePublishers.feed(url.getHost(), answer, videoCodec))
                .whenComplete((feed, e) -> { // a failed attempt is forgotten: tried again by the next viewer
                    if (e != null) {
                        cascades.remove(room, mine);
                        mine.completeExceptionally(e);
                    } else {
                        mine.complete(feed);
                    }
                });
        return mine;
    }

    CompletionStage<RelayPayload> subscribe(StreamId room, PeerId viewer) {
        leave(viewer);
        viewers.put(viewer, room); // its load counts from now, not once Janus answered
        return attach().thenCompose(handle -> {
            if (viewers.get(viewer) != room) { // it left (or moved) meanwhile: no handle left behind
                connection().request(base("detach").add("handle_id", handle), false);
                throw new SfuException("The viewer left.");
            }
            handles.put(viewer, handle);
            return pluginMessage(handle, id(JSON.createObjectBuilder().add("request", "join"), room)
                    .add("ptype", "subscriber").add("streams", JSON.createArrayBuilder()
                            .add(participant(JSON.createObjectBuilder(), "feed", cascadeOf(room)))), true);
        }).thenApply(JanusConnection::jsepOf);
    }

    /** Whether the viewer is subscribed here (or being subscribed: its handle may be on its way). */
    boolean holds(PeerId viewer) {
        return viewers.containsKey(viewer);
    }

    StreamId roomOf(PeerId viewer) {
        return viewers.get(viewer);
    }

    CompletionStage<Void> start(PeerId viewer, RelayPayload answer) {
        Long handle = handles.get(viewer);
        if (handle == null) {
            return CompletableFuture.failedFuture(new SfuException("No SFU session for this peer; join again."));
        }
        JsonObjectBuilder msg = base("message").add("handle_id", handle)
                .add("body", JSON.createObjectBuilder().add("request", "start"))
                .add("jsep", JanusConnection.parse(answer.json()));
        return connection().request(msg, true).thenApply(e -> null);
    }

    void trickle(PeerId viewer, JsonObjectBuilder candidate) {
        Long handle = handles.get(viewer);
        if (handle != null && reachable()) {
            connection.request(base("trickle").add("handle_id", handle).add("candidate", candidate), false);
        }
    }

    void leave(PeerId viewer) {
        viewers.remove(viewer);
        Long handle = handles.remove(viewer);
        if (handle != null && reachable()) {
            connection.request(base("detach").add("handle_id", handle), false);
        }
    }

    /** The stream ended: the room and its cascade go. */
    void close(StreamId room) {
        cascades.remove(room);
        stale.remove(room);
        String secret = secrets.remove(room);
        if (secret != null && reachable()) {
            pluginMessage(null, id(JSON.createObjectBuilder().add("request", "destroy"), room).add("secret", secret), false);
        }
    }

    private CompletionStage<Void> ensureRoom(StreamId room, boolean firstTry) {
        if (secrets.containsKey(room)) {
            return CompletableFuture.completedFuture(null);
        }
        String old = stale.remove(room);
        CompletionStage<Void> cleared = old == null ? CompletableFuture.completedFuture(null) : pluginMessage(null,
                id(JSON.createObjectBuilder().add("request", "destroy"), room).add("secret", old), false).handle((r, e) -> null);
        String secret = JanusRooms.randomSecret();
        JsonObjectBuilder create = id(JSON.createObjectBuilder().add("request", "create"), room).add("secret", secret)
                .add("publishers", 1).add("permanent", false).add("videocodec", "vp8,h264").add("audiocodec", "opus");
        if (adminKey != null) {
            create.add("admin_key", adminKey);
        }
        return cleared.thenCompose(v -> pluginMessage(null, create, false)).handle((r, e) -> e).thenCompose(e -> {
            if (e == null) {
                secrets.put(room, secret);
                return CompletableFuture.completedFuture(null);
            }
            if (firstTry && JanusRooms.refusesStringIds(e)) { // string_ids off (Janus's stock configuration)
                numericIds = true;
                return ensureRoom(room, false);
            }
            return CompletableFuture.failedFuture(e);
        });
    }

    /** A plugin request on the given handle, or on a short-lived one (null). */
    private CompletionStage<JsonObject> pluginMessage(Long handle, JsonObjectBuilder body, boolean async) {
        if (handle != null) {
            return connection().request(base("message").add("handle_id", handle).add("body", body), async);
        }
        return attach().thenCompose(h -> connection().request(base("message").add("handle_id", h).add("body", body), async)
                .whenComplete((r, e) -> {
                    if (reachable()) {
                        connection.request(base("detach").add("handle_id", h), false);
                    }
                }));
    }

    private CompletionStage<Long> attach() {
        return connection().request(base("attach").add("plugin", PLUGIN), false)
                .thenApply(r -> r.getJsonObject("data").getJsonNumber("id").longValue());
    }

    private JsonObjectBuilder id(JsonObjectBuilder request, StreamId room) {
        return numericIds ? request.add("room", JanusRooms.number(room)) : request.add("room", room.value());
    }

    private JsonObjectBuilder participant(JsonObjectBuilder request, String key, PeerId peer) {
        return numericIds ? request.add(key, JanusRooms.number(peer.value())) : request.add(key, peer.value());
    }

    /** The cascade's participant id in a room (the same on every node of a cluster). */
    private static PeerId cascadeOf(StreamId room) {
        return new PeerId("cascade-" + room.value());
    }

    private JanusConnection connection() {
        JanusConnection c = connection;
        if (c == null || session == 0) {
            throw new SfuException("This SFU instance is not reachable right now.");
        }
        return c;
    }

    private JsonObjectBuilder base(String janus) {
        return JSON.createObjectBuilder().add("janus", janus).add("session_id", session);
    }

    void closeConnection() {
        JanusConnection c = connection;
        if (c != null) {
            c.close();
        }
    }
}
