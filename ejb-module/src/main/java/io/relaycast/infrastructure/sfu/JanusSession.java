package io.relaycast.infrastructure.sfu;

import static io.relaycast.application.json.JsonProviders.JSON;

import io.relaycast.application.delivery.sfu.SfuException;
import io.relaycast.application.delivery.sfu.SfuRestarted;
import io.relaycast.application.signaling.protocol.RelayPayload;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This server's one session with Janus: opened when Janus answers, kept alive every 5 s (Janus
 * drops sessions after 60 s of silence), opened again after Janus was lost. A new session after a
 * loss means Janus lost our rooms: {@link SfuRestarted} is fired.
 */
@ApplicationScoped
public class JanusSession {

    private static final Logger LOG = Logger.getLogger(JanusSession.class.getName());
    private static final String PLUGIN = "janus.plugin.videoroom";

    @Inject
    @ConfigProperty(name = "janus.url")
    Optional<String> url;

    @Inject
    @ConfigProperty(name = "janus.api-secret")
    Optional<String> apiSecret;

    /** Several instances: the first is this session's (broadcasters publish there), the others {@link JanusEdges}. */
    @Inject
    @ConfigProperty(name = "janus.urls")
    Optional<String> urls;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    Event<SfuRestarted> restarted;

    @Inject
    Event<JanusHangup> hangups;

    final JanusStats stats = new JanusStats();
    private volatile JanusConnection connection;
    private volatile long session;
    private volatile Runnable onNewSession = () -> { };
    private ScheduledFuture<?> keepalive;
    private boolean everConnected;

    @PostConstruct
    void start() {
        urls.map(JanusEdges::split).filter(l -> !l.isEmpty()).ifPresent(l -> url = Optional.of(l.get(0)));
        if (url.isPresent()) {
            keepalive = scheduler.scheduleWithFixedDelay(this::keepAliveOrReconnect, 0, 5, TimeUnit.SECONDS);
        }
    }

    /** Its figures (a method: a field read through the CDI proxy is not the bean's). */
    JanusStats stats() {
        return stats;
    }

    boolean configured() {
        return url.isPresent();
    }

    /** The host Janus was reached at, where it also takes plain RTP (remote publishers). */
    String host() {
        return URI.create(url.orElseThrow()).getHost();
    }

    boolean reachable() {
        return connection != null && session != 0;
    }

    /** What to forget when a new session starts (Janus has none of the old rooms and handles). */
    void onNewSession(Runnable forget) {
        this.onNewSession = forget;
    }

    /**
     * Messages without a transaction: a {@code hangup} (Janus closed a handle's PeerConnection by
     * itself) is passed on, asynchronously (never on the connection's reader thread); the rest
     * (media, webrtcup, slowlink) is only logged.
     */
    private void unsolicited(JsonObject msg) {
        if ("hangup".equals(msg.getString("janus", "")) && msg.containsKey("sender")) {
            hangups.fireAsync(new JanusHangup(msg.getJsonNumber("sender").longValue(), msg.getString("reason", "")));
        } else {
            LOG.fine(() -> "Janus: " + msg);
        }
    }

    synchronized void keepAliveOrReconnect() {
        try {
            if (reachable()) {
                connection.request(base("keepalive"), false).toCompletableFuture().join();
                return;
            }
            JanusConnection c = JanusConnection.open(URI.create(url.get()), apiSecret.orElse(null),
                    this::unsolicited, this::lost, stats);
            JsonObject created = c.request(JSON.createObjectBuilder().add("janus", "create"), false)
                    .toCompletableFuture().join();
            connection = c;
            session = created.getJsonObject("data").getJsonNumber("id").longValue();
            onNewSession.run();
            boolean again = everConnected;
            everConnected = true;
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

    CompletionStage<Long> attachHandle() {
        return connection().request(base("attach").add("plugin", PLUGIN), false)
                .thenApply(r -> r.getJsonObject("data").getJsonNumber("id").longValue());
    }

    /** Completes (never exceptionally) once Janus has let the handle go, or at once when it is not reachable. */
    CompletionStage<Void> detach(long handle) {
        if (!reachable()) {
            return CompletableFuture.completedFuture(null);
        }
        return connection.request(base("detach").add("handle_id", handle), false).handle((r, e) -> null);
    }

    void trickle(long handle, JsonObjectBuilder candidate) {
        if (reachable()) {
            connection.request(base("trickle").add("handle_id", handle).add("candidate", candidate), false);
        }
    }

    /** A VideoRoom request on a handle; {@code async}: wait for the event after the ack. */
    CompletionStage<JsonObject> pluginMessage(long handle, JsonObjectBuilder body, RelayPayload jsep, boolean async) {
        JsonObjectBuilder msg = base("message").add("handle_id", handle).add("body", body);
        if (jsep != null) {
            msg.add("jsep", JanusConnection.parse(jsep.json()));
        }
        return connection().request(msg, async);
    }

    private JanusConnection connection() {
        JanusConnection c = connection;
        if (c == null || session == 0) {
            throw new SfuException("The SFU is not reachable right now.");
        }
        return c;
    }

    private JsonObjectBuilder base(String janus) {
        return JSON.createObjectBuilder().add("janus", janus).add("session_id", session);
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
