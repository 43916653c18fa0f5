package io.relaycast.infrastructure.sfu;

import static io.relaycast.application.json.JsonProviders.JSON;

import io.relaycast.application.delivery.sfu.SfuException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One WebSocket to Janus's API (subprotocol {@code janus-protocol}): requests carry a transaction
 * id and complete when Janus answers it — with {@code success}, or for asynchronous plugin requests
 * with the {@code event} after the {@code ack}. Messages without a transaction (hangups, media
 * events) go to the listener.
 */
final class JanusConnection implements WebSocket.Listener {

    private static final Logger LOG = Logger.getLogger(JanusConnection.class.getName());
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Map<String, CompletableFuture<JsonObject>> pending = new ConcurrentHashMap<>();
    private final Map<String, Boolean> asynchronous = new ConcurrentHashMap<>();
    private final AtomicLong transactions = new AtomicLong();
    private final StringBuilder partial = new StringBuilder();
    private final String apiSecret;
    private final Consumer<JsonObject> unsolicited;
    private final Runnable closed;
    private final WebSocket socket;
    private final JanusStats stats;

    private JanusConnection(URI uri, String apiSecret, Consumer<JsonObject> unsolicited, Runnable closed,
                            JanusStats stats) {
        this.apiSecret = apiSecret;
        this.unsolicited = unsolicited;
        this.closed = closed;
        this.stats = stats;
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("janus-protocol")
                .connectTimeout(Duration.ofSeconds(3)).buildAsync(uri, this).orTimeout(5, TimeUnit.SECONDS).join();
    }

    static JanusConnection open(URI uri, String apiSecret, Consumer<JsonObject> unsolicited, Runnable closed,
                                JanusStats stats) {
        return new JanusConnection(uri, apiSecret, unsolicited, closed, stats);
    }

    /** Sends a request; completes with Janus's answer (an {@code error} answer fails it). */
    CompletionStage<JsonObject> request(JsonObjectBuilder request, boolean waitForEvent) {
        String tx = Long.toString(transactions.incrementAndGet());
        request.add("transaction", tx);
        if (apiSecret != null) {
            request.add("apisecret", apiSecret);
        }
        CompletableFuture<JsonObject> answer = new CompletableFuture<>();
        pending.put(tx, answer);
        asynchronous.put(tx, waitForEvent);
        long start = System.nanoTime();
        synchronized (socket) {
            socket.sendText(request.build().toString(), true);
        }
        return answer.orTimeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).whenComplete((r, e) -> {
            pending.remove(tx);
            asynchronous.remove(tx);
            stats.roundTrip(System.nanoTime() - start, e != null);
        });
    }

    void close() {
        socket.abort();
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String text = partial.toString();
            partial.setLength(0);
            try {
                dispatch(parse(text));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Unreadable message from Janus", e);
            }
        }
        ws.request(1);
        return null;
    }

    private void dispatch(JsonObject msg) {
        String type = msg.getString("janus", "");
        String tx = msg.getString("transaction", null);
        CompletableFuture<JsonObject> waiting = tx == null ? null : pending.get(tx);
        if (waiting == null) {
            unsolicited.accept(msg);
            return;
        }
        switch (type) {
            case "ack" -> {
                if (!Boolean.TRUE.equals(asynchronous.get(tx))) {
                    waiting.complete(msg); // keepalive and trickle are only ever acked
                }
            }
            case "error" -> waiting.completeExceptionally(new SfuException("Janus: "
                    + msg.getJsonObject("error").getString("reason", "error")));
            default -> {
                String pluginError = pluginError(msg);
                if (pluginError != null) {
                    waiting.completeExceptionally(new SfuException("Janus VideoRoom: " + pluginError));
                } else {
                    waiting.complete(msg);
                }
            }
        }
    }

    private static String pluginError(JsonObject msg) {
        JsonObject plugin = msg.getJsonObject("plugindata");
        if (plugin == null || !plugin.containsKey("data")) {
            return null;
        }
        JsonObject data = plugin.getJsonObject("data");
        return data.containsKey("error_code") ? data.getInt("error_code") + " " + data.getString("error", "") : null;
    }

    static JsonObject parse(String text) {
        try (JsonReader r = JSON.createReader(new StringReader(text))) {
            return r.readObject();
        }
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
        failAll();
        closed.run();
        return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
        LOG.fine(() -> "Janus connection failed: " + error);
        failAll();
        closed.run();
    }

    private void failAll() {
        pending.values().forEach(f -> f.completeExceptionally(new SfuException("The SFU connection was lost.")));
    }

    /** The session description in a plugin event (an offer or an answer), as it is. */
    static io.relaycast.application.signaling.protocol.RelayPayload jsepOf(JsonObject event) {
        if (!event.containsKey("jsep")) {
            throw new io.relaycast.application.delivery.sfu.SfuException("Janus answered without a session description.");
        }
        return new io.relaycast.application.signaling.protocol.RelayPayload(event.getJsonObject("jsep").toString());
    }
}
