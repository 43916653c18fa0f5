package io.relaycast.infrastructure.sfu;

import static io.relaycast.application.json.JsonProviders.JSON;

import io.relaycast.application.delivery.sfu.SfuException;
import io.relaycast.application.signaling.protocol.RelayPayload;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.logging.Logger;

/**
 * This server's session with one Janus of {@code JANUS_URLS}: opened when it answers, kept alive by
 * {@link JanusInstances} every 5 s (Janus drops sessions after 60 s of silence), opened again after
 * it was lost. A lost session took every room and handle with it: the {@link Listener} is told.
 */
final class JanusInstance {

    private static final Logger LOG = Logger.getLogger(JanusInstance.class.getName());
    private static final String PLUGIN = "janus.plugin.videoroom";

    /** What the owner hears of this session. */
    interface Listener {
        /** Janus closed one of our handles' PeerConnections by itself (told on the connection's reader: nothing slow). */
        void hungUp(JanusInstance janus, long handle, String reason);

        /** The session (and all in it) is gone: Janus died, restarted, or forgot it. */
        void lost(JanusInstance janus);

        /** A session was opened (the first, or one after a loss). */
        void connected(JanusInstance janus);
    }

    /** Its place in JANUS_URLS, from 1: the name it has in metrics and readiness. */
    final int number;
    final URI url;
    final JanusStats stats = new JanusStats();
    private final String apiSecret;
    private final Listener listener;
    private volatile JanusConnection connection;
    private volatile long session;

    JanusInstance(int number, URI url, String apiSecret, Listener listener) {
        this.number = number;
        this.url = url;
        this.apiSecret = apiSecret;
        this.listener = listener;
    }

    /** The host Janus was reached at, where it also takes plain RTP (remote publishers). */
    String host() {
        return url.getHost();
    }

    boolean reachable() {
        return connection != null && session != 0;
    }

    /** Messages without a transaction: a {@code hangup} is passed on; the rest (media, webrtcup, slowlink) only logged. */
    private void unsolicited(JsonObject msg) {
        if ("hangup".equals(msg.getString("janus", "")) && msg.containsKey("sender")) {
            listener.hungUp(this, msg.getJsonNumber("sender").longValue(), msg.getString("reason", ""));
        } else {
            LOG.fine(() -> "Janus " + number + ": " + msg);
        }
    }

    synchronized void keepAliveOrReconnect() {
        try {
            if (reachable()) {
                connection.request(base("keepalive"), false).toCompletableFuture().join();
                return;
            }
            JanusConnection[] opened = new JanusConnection[1]; // a late close of an old socket must not end a new one
            JanusConnection c = JanusConnection.open(url, apiSecret, this::unsolicited, () -> {
                if (opened[0] != null && connection == opened[0]) {
                    lost("it closed the connection");
                }
            }, stats);
            opened[0] = c;
            JsonObject created;
            try {
                created = c.request(JSON.createObjectBuilder().add("janus", "create"), false).toCompletableFuture().join();
            } catch (RuntimeException e) {
                c.close(); // not ours yet: nobody else would close it
                throw e;
            }
            connection = c;
            session = created.getJsonObject("data").getJsonNumber("id").longValue();
            LOG.info(() -> "Connected to Janus " + number + " at " + url);
            listener.connected(this);
        } catch (RuntimeException e) {
            if (reachable()) {
                lost("keepalive failed: " + e.getMessage());
            } else {
                LOG.fine(() -> "Janus " + number + " not reachable at " + url + ": " + e.getMessage());
            }
        }
    }

    /**
     * The session is gone (told once, however many ways it was noticed). The listener hears it under
     * this instance's lock: no new session opens before what the old one held is forgotten.
     */
    synchronized void lost(String why) {
        JanusConnection c = connection;
        if (c == null) {
            return; // known already (closing it below calls back here)
        }
        connection = null;
        session = 0;
        c.close();
        LOG.warning(() -> "Lost Janus " + number + " at " + url + " (" + why + ")");
        listener.lost(this);
    }

    /** Fails (as a stage, never by throwing) when the instance is not reachable. */
    CompletionStage<Long> attachHandle() {
        JanusConnection c = connection;
        if (c == null || session == 0) {
            return unreachable();
        }
        return c.request(base("attach").add("plugin", PLUGIN), false)
                .thenApply(r -> r.getJsonObject("data").getJsonNumber("id").longValue());
    }

    /** Completes (never exceptionally) once Janus has let the handle go, or at once when it is not reachable. */
    CompletionStage<Void> detach(long handle) {
        JanusConnection c = connection;
        if (c == null || session == 0) {
            return CompletableFuture.completedFuture(null);
        }
        return c.request(base("detach").add("handle_id", handle), false).handle((r, e) -> null);
    }

    void trickle(long handle, JsonObjectBuilder candidate) {
        JanusConnection c = connection;
        if (c != null && session != 0) {
            c.request(base("trickle").add("handle_id", handle).add("candidate", candidate), false);
        }
    }

    /** A VideoRoom request on a handle; {@code async}: wait for the event after the ack. Fails as a stage when not reachable. */
    CompletionStage<JsonObject> pluginMessage(long handle, JsonObjectBuilder body, RelayPayload jsep, boolean async) {
        JsonObjectBuilder msg = base("message").add("handle_id", handle).add("body", body);
        if (jsep != null) {
            msg.add("jsep", JanusConnection.parse(jsep.json()));
        }
        JanusConnection c = connection;
        return c == null || session == 0 ? unreachable() : c.request(msg, async);
    }

    private static <T> CompletionStage<T> unreachable() {
        return CompletableFuture.failedFuture(new SfuException("This SFU instance is not reachable right now."));
    }

    private JsonObjectBuilder base(String janus) {
        return JSON.createObjectBuilder().add("janus", janus).add("session_id", session);
    }

    void close() {
        JanusConnection c = connection;
        if (c != null) {
            c.close();
        }
    }
}
