package io.relaycast.it;

import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A real WebSocket client (JDK) that records every message it receives. */
public final class WsClient implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    public static final Duration WAIT = Duration.ofSeconds(10);

    private final List<JsonObject> inbox = new ArrayList<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final WebSocket socket;
    private final StringBuilder partial = new StringBuilder();
    private final Object sending = new Object();
    private volatile JsonObject joined;
    private volatile boolean paused;
    private boolean pendingRequest;

    private WsClient(String streamId, String credentials) {
        this(Api.BASE, streamId, credentials);
    }

    private WsClient(String base, String streamId, String credentials) {
        this(base, streamId, credentials == null ? Map.<String, String>of() : Map.of("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString(credentials.getBytes(StandardCharsets.UTF_8))));
    }

    private WsClient(String streamId, Map<String, String> headers) {
        this(Api.BASE, streamId, headers);
    }

    private WsClient(String base, String streamId, Map<String, String> headers) {
        WebSocket.Builder b = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        headers.forEach(b::header);
        socket = b.buildAsync(uri(base, streamId), new Listener()).join();
    }

    private static URI uri(String streamId) {
        return uri(Api.BASE, streamId);
    }

    private static URI uri(String base, String streamId) {
        return URI.create(base.replace("http", "ws") + "/ws/livestream/" + streamId);
    }

    /** Connects to another server than the suite's (the cluster tests' nodes). */
    public static WsClient connectTo(String base, String streamId, String credentials) {
        return new WsClient(base, streamId, credentials);
    }

    /** On the server at {@code base}: joins as broadcaster with the stream key, returns after stream:joined. */
    public static WsClient broadcasterAt(String base, String streamId, String streamKey) {
        WsClient c = connectTo(base, streamId, null);
        c.send(Json.createObjectBuilder().add("type", "stream:join").add("role", "broadcaster")
                .add("streamKey", streamKey).build());
        c.joined = c.await("stream:joined");
        return c;
    }

    /** On the server at {@code base}: joins as viewer, returns after stream:joined. */
    public static WsClient viewerAt(String base, String streamId, String credentials) {
        WsClient c = connectTo(base, streamId, credentials);
        c.send("{\"type\":\"stream:join\",\"role\":\"viewer\"}");
        c.joined = c.await("stream:joined");
        return c;
    }

    /** Connects with these handshake headers (Authorization, Origin, …). */
    public static WsClient connectWith(String streamId, Map<String, String> headers) {
        return new WsClient(streamId, headers);
    }

    /** The HTTP status a refused handshake got, or 101 when it was accepted (and closed again). */
    public static int handshakeStatus(String streamId, Map<String, String> headers) {
        WebSocket.Builder b = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        headers.forEach(b::header);
        try {
            WebSocket ws = b.buildAsync(uri(streamId), new WebSocket.Listener() { }).join();
            ws.abort();
            return 101;
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof java.net.http.WebSocketHandshakeException h) {
                return h.getResponse().statusCode();
            }
            throw e;
        }
    }

    /** Sends a binary frame (not part of the protocol). */
    public void sendBinary(byte[] data) {
        synchronized (sending) {
            socket.sendBinary(java.nio.ByteBuffer.wrap(data), true).join();
        }
    }

    public static WsClient connect(String streamId, String credentials) {
        return new WsClient(streamId, credentials);
    }

    /** Connects and joins as broadcaster with the stream key; returns after stream:joined. */
    public static WsClient broadcaster(String streamId, String streamKey) {
        WsClient c = connect(streamId, null);
        c.send(Json.createObjectBuilder().add("type", "stream:join").add("role", "broadcaster")
                .add("streamKey", streamKey).build());
        c.joined = c.await("stream:joined");
        return c;
    }

    public static WsClient viewer(String streamId, String credentials) {
        WsClient c = connect(streamId, credentials);
        c.send("{\"type\":\"stream:join\",\"role\":\"viewer\"}");
        c.joined = c.await("stream:joined");
        return c;
    }

    /** The stream:joined this client received (set by the broadcaster/viewer factories). */
    public JsonObject joined() {
        return joined;
    }

    public String peerId() {
        return joined.getString("peerId");
    }

    public void send(JsonObject msg) {
        send(msg.toString());
    }

    public void send(String text) {
        // One send at a time: the JDK client refuses a second while one is pending ("Send
        // pending"), and the keep-alive thread sends too.
        synchronized (sending) {
            socket.sendText(text, true).join();
        }
    }

    /** Pings every 2 s, as a real client does to stay within the server's idle timeout. */
    public WsClient keepAlive() {
        Thread t = new Thread(() -> {
            while (!closed.isDone() && !socket.isOutputClosed()) {
                try {
                    Thread.sleep(2000);
                } catch (InterruptedException e) {
                    return;
                }
                trySend("{\"type\":\"ping\"}");
            }
        }, "ws-keepalive");
        t.setDaemon(true);
        t.start();
        return this;
    }

    /** Sends unless the connection is gone; false if it is. */
    public boolean trySend(String text) {
        try {
            send(text);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    public synchronized List<JsonObject> all() {
        return List.copyOf(inbox);
    }

    /** Removes and returns the first received message matching the filter, waiting up to {@link #WAIT}. */
    public JsonObject await(Predicate<JsonObject> filter, String what) {
        return await(filter, what, WAIT);
    }

    public JsonObject await(Predicate<JsonObject> filter, String what, Duration wait) {
        Instant deadline = Instant.now().plus(wait);
        synchronized (this) {
            while (true) {
                for (Iterator<JsonObject> it = inbox.iterator(); it.hasNext(); ) {
                    JsonObject m = it.next();
                    if (filter.test(m)) {
                        it.remove();
                        return m;
                    }
                }
                long left = Duration.between(Instant.now(), deadline).toMillis();
                if (left <= 0) {
                    fail("No " + what + " within " + wait + "; received " + inbox);
                }
                try {
                    wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    fail(e);
                }
            }
        }
    }

    public JsonObject await(String type) {
        return await(m -> type.equals(m.getString("type", null)), type);
    }

    public JsonObject awaitError(String code) {
        return await(m -> "error".equals(m.getString("type", null)) && code.equals(m.getString("code", null)),
                "error " + code);
    }

    /** How many messages of this type are in the inbox now (not removed). */
    public synchronized long count(String type) {
        return inbox.stream().filter(m -> type.equals(m.getString("type", null))).count();
    }

    /** Pings and waits for the pong: everything sent before it has been processed. */
    public void sync() {
        send("{\"type\":\"ping\"}");
        await("pong");
    }

    /** The close code the server sent, waiting up to the given time. */
    public int awaitClose(Duration timeout) {
        try {
            return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            return fail("connection not closed within " + timeout + "; received " + all());
        }
    }

    public boolean isClosed() {
        return closed.isDone();
    }

    /** Stops reading: the server's messages back up in TCP buffers and then in its queue for us. */
    public void pause() {
        paused = true;
    }

    /** Reads again. */
    public void resume() {
        boolean request;
        synchronized (this) {
            paused = false;
            request = pendingRequest;
            pendingRequest = false;
        }
        if (request) {
            socket.request(1);
        }
    }

    /** Drops the TCP connection without a close frame. */
    public void abort() {
        socket.abort();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            try {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                socket.abort();
            }
        }
    }

    private final class Listener implements WebSocket.Listener {

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try (JsonReader r = Json.createReader(new StringReader(text))) {
                    JsonObject m = r.readObject();
                    synchronized (WsClient.this) {
                        inbox.add(m);
                        WsClient.this.notifyAll();
                    }
                }
            }
            synchronized (WsClient.this) {
                if (paused) {
                    pendingRequest = true;
                    return null;
                }
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closed.complete(statusCode);
            synchronized (WsClient.this) {
                WsClient.this.notifyAll();
            }
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            closed.complete(-1);
        }
    }
}
