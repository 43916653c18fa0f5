package io.relaycast.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load benchmark for the signaling endpoint. Needs only a JDK 17 and a running server:
 *
 * <pre>
 *   ./mvnw liberty:run                      # in one terminal
 *   java -Xmx3g ear/src/test/java/io/relaycast/bench/SignalingBenchmark.java [baseUrl] [options]
 * </pre>
 *
 * Options: {@code --pairs=100,500 --viewers=100,1000 --messages=200 --chat-rate=25 --idle=10000
 * --server-pid=<pid>} (the last: the server runs here; a full GC before each heap sample)
 * (an empty list skips a part). Prints
 * relay latency (offer → answer → 10 ICE candidates each way, P pairs at once), chat fan-out
 * time (send until the last viewer has it) and idle sessions held with server heap per session.
 * Figures, not assertions: see docs/performance.md.
 */
public final class SignalingBenchmark {

    private static final Pattern TYPE = Pattern.compile("\"type\":\"([^\"]+)\"");
    private static final Pattern PEER = Pattern.compile("\"peerId\":\"([^\"]+)\"");
    private static final Pattern STAMP = Pattern.compile("\"(?:sdp|candidate|message)\":\"t=(\\d+)");
    private static final Pattern FIELD_ID = Pattern.compile("\"streamId\":\"([^\"]+)\"");
    private static final Pattern FIELD_KEY = Pattern.compile("\"streamKey\":\"([^\"]+)\"");
    private static final Pattern CHAT_INDEX = Pattern.compile("\"message\":\"m(\\d+) t=");
    private static final Pattern FROM = Pattern.compile("\"from\":\"([^\"]+)\"");
    private static final String ALICE = "alice:alice-demo";

    private static String base = "http://localhost:9080";
    /** With --server-pid (server on this machine), each heap sample follows a full GC: live objects only. */
    private static String serverPid;
    /** Chat messages per second the broadcaster sends in the fan-out test (server limit: 30). */
    private static int chatRate = 25;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final List<HttpClient> WS_CLIENTS = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        int[] pairs = {100, 500};
        int[] viewers = {100, 1000};
        int messages = 200;
        int idle = 10_000;
        for (String a : args) {
            if (a.startsWith("--chat-rate=")) {
                chatRate = Integer.parseInt(a.substring(a.indexOf('=') + 1));
            }
            if (a.startsWith("--pairs=")) {
                pairs = ints(a);
            } else if (a.startsWith("--viewers=")) {
                viewers = ints(a);
            } else if (a.startsWith("--messages=")) {
                messages = Integer.parseInt(a.substring(a.indexOf('=') + 1));
            } else if (a.startsWith("--server-pid=")) {
                serverPid = a.substring(a.indexOf('=') + 1);
            } else if (a.startsWith("--idle=")) {
                idle = Integer.parseInt(a.substring(a.indexOf('=') + 1));
            } else if (a.startsWith("http")) {
                base = a.replaceAll("/$", "");
            }
        }
        for (int i = 0; i < 8; i++) {
            WS_CLIENTS.add(HttpClient.newHttpClient()); // several selector threads for many sockets
        }
        System.out.printf("Relaycast signaling benchmark against %s (%d cores here, %s)%n", base,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        for (int p : pairs) {
            relay(p);
        }
        for (int n : viewers) {
            fanOut(n, messages);
        }
        if (idle > 0) {
            idleSessions(idle);
        }
        System.exit(0);
    }

    // ---------------------------------------------------------------- relay latency

    static void relay(int pairs) throws Exception {
        List<String[]> streams = createLiveStreams(pairs);
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        CountDownLatch done = new CountDownLatch(2 * pairs);
        List<Ws> sockets = new ArrayList<>();
        for (String[] s : streams) {
            AtomicInteger candidates = new AtomicInteger();
            Ws[] b = new Ws[1];
            b[0] = Ws.open(s[0], null, text -> {
                String type = type(text);
                switch (type) {
                    case "stream:viewer-joined" -> b[0].send("{\"type\":\"stream:offer\",\"to\":\"" + peer(text)
                            + "\",\"sdp\":\"t=" + System.nanoTime() + "\"}");
                    case "stream:answer" -> {
                        latencies.add(since(text));
                        String to = from(text);
                        for (int i = 0; i < 10; i++) {
                            b[0].send("{\"type\":\"stream:ice-candidate\",\"to\":\"" + to + "\",\"candidate\":\"t="
                                    + System.nanoTime() + "\"}");
                        }
                    }
                    case "stream:ice-candidate" -> {
                        latencies.add(since(text));
                        if (candidates.incrementAndGet() == 10) {
                            done.countDown();
                        }
                    }
                    default -> {
                    }
                }
            });
            b[0].joinAndWait("{\"type\":\"stream:join\",\"role\":\"broadcaster\",\"streamKey\":\"" + s[1] + "\"}");
            sockets.add(b[0]);
        }
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(32);
        for (String[] s : streams) {
            pool.execute(() -> {
                AtomicInteger candidates = new AtomicInteger();
                Ws[] v = new Ws[1];
                v[0] = Ws.open(s[0], null, text -> {
                    String type = type(text);
                    if (type.equals("stream:offer")) {
                        latencies.add(since(text));
                        v[0].send("{\"type\":\"stream:answer\",\"sdp\":\"t=" + System.nanoTime() + "\"}");
                        for (int i = 0; i < 10; i++) {
                            v[0].send("{\"type\":\"stream:ice-candidate\",\"candidate\":\"t=" + System.nanoTime() + "\"}");
                        }
                    } else if (type.equals("stream:ice-candidate")) {
                        latencies.add(since(text));
                        if (candidates.incrementAndGet() == 10) {
                            done.countDown();
                        }
                    }
                });
                synchronized (sockets) {
                    sockets.add(v[0]);
                }
                v[0].send("{\"type\":\"stream:join\",\"role\":\"viewer\"}");
            });
        }
        boolean complete = done.await(180, TimeUnit.SECONDS);
        double wall = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        System.out.printf("relay P=%d pairs: %s relayed messages=%d (expected %d) in %.2f s%s%n", pairs,
                percentiles(latencies), latencies.size(), 22 * pairs, wall, complete ? "" : " INCOMPLETE");
        closeAll(sockets);
        endStreams(streams);
    }

    // ---------------------------------------------------------------- chat fan-out

    static void fanOut(int viewers, int messages) throws Exception {
        String[] s = createLiveStreams(1).get(0);
        AtomicLongArray lastReceipt = new AtomicLongArray(messages);
        AtomicLongArray receipts = new AtomicLongArray(messages);
        List<Ws> sockets = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(32);
        CountDownLatch joined = new CountDownLatch(viewers);
        long joinStart = System.nanoTime();
        for (int i = 0; i < viewers; i++) {
            pool.execute(() -> {
                Ws v = Ws.open(s[0], null, text -> {
                    String type = type(text);
                    if (type.equals("stream:joined")) {
                        joined.countDown();
                    } else if (type.equals("chat:message")) {
                        long now = System.nanoTime();
                        Matcher m = CHAT_INDEX.matcher(text);
                        if (m.find()) {
                            int idx = Integer.parseInt(m.group(1));
                            lastReceipt.accumulateAndGet(idx, now, Math::max);
                            receipts.incrementAndGet(idx);
                        }
                    }
                });
                synchronized (sockets) {
                    sockets.add(v);
                }
                v.send("{\"type\":\"stream:join\",\"role\":\"viewer\"}");
            });
        }
        joined.await(300, TimeUnit.SECONDS);
        double joinSeconds = (System.nanoTime() - joinStart) / 1e9;
        Ws b = Ws.open(s[0], ALICE, text -> { });
        b.joinAndWait("{\"type\":\"stream:join\",\"role\":\"broadcaster\",\"streamKey\":\"" + s[1] + "\"}");
        sockets.add(b);
        long[] sent = new long[messages];
        for (int i = 0; i < messages; i++) {
            sent[i] = System.nanoTime();
            b.send("{\"type\":\"chat:send\",\"message\":\"m" + i + " t=" + sent[i] + "\"}");
            Thread.sleep(1000 / chatRate);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline && !allReceived(receipts, viewers)) {
            Thread.sleep(50);
        }
        List<Long> fanout = new ArrayList<>();
        long delivered = 0;
        for (int i = 0; i < messages; i++) {
            delivered += receipts.get(i);
            if (receipts.get(i) == viewers) {
                fanout.add((lastReceipt.get(i) - sent[i]) / 1000);
            }
        }
        System.out.printf("chat fan-out N=%d viewers, %d messages at %d/s: send→last viewer %s; complete messages=%d/%d,"
                        + " deliveries=%d/%d; %d viewers joined in %.1f s%n", viewers, messages, chatRate,
                percentiles(fanout), fanout.size(), messages, delivered, (long) viewers * messages, viewers,
                joinSeconds);
        pool.shutdown();
        closeAll(sockets);
        endStreams(java.util.Collections.singletonList(s));
    }

    private static boolean allReceived(AtomicLongArray receipts, int viewers) {
        for (int i = 0; i < receipts.length(); i++) {
            if (receipts.get(i) < viewers) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- idle sessions

    static void idleSessions(int count) throws Exception {
        int perRoom = 500;
        List<String[]> streams = createLiveStreams((count + perRoom - 1) / perRoom);
        long heapBefore = minHeap(5);
        List<Ws> sockets = new ArrayList<>();
        CountDownLatch joined = new CountDownLatch(count);
        AtomicInteger failures = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(32);
        // Keep them alive within the server's idle timeout, as real clients do, from the first one
        // on (opening ten thousand from one client can take longer than the timeout).
        var keepAlive = Executors.newSingleThreadScheduledExecutor();
        keepAlive.scheduleAtFixedRate(() -> {
            List<Ws> copy;
            synchronized (sockets) {
                copy = List.copyOf(sockets);
            }
            copy.forEach(w -> w.send("{\"type\":\"ping\"}"));
        }, 20, 20, TimeUnit.SECONDS);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            String streamId = streams.get(i / perRoom)[0];
            pool.execute(() -> {
                try {
                    Ws v = Ws.open(streamId, null, text -> {
                        if (text.contains("\"stream:joined\"")) {
                            joined.countDown();
                        }
                    });
                    synchronized (sockets) {
                        sockets.add(v);
                    }
                    v.send("{\"type\":\"stream:join\",\"role\":\"viewer\"}");
                } catch (RuntimeException e) {
                    failures.incrementAndGet();
                    joined.countDown();
                }
            });
        }
        joined.await(600, TimeUnit.SECONDS);
        double openSeconds = (System.nanoTime() - start) / 1e9;
        Thread.sleep(10_000);
        long heapAfter = minHeap(5);
        long held = metric("application", "relaycast_signaling_members");
        System.out.printf("idle sessions: %d requested, %d held by the server (%d failed) after %.1f s to open;"
                        + " server heap %d MB → %d MB, ≈ %.1f KB per session%n", count, held, failures.get(),
                openSeconds, heapBefore >> 20, heapAfter >> 20,
                held > 0 ? (heapAfter - heapBefore) / 1024.0 / held : Double.NaN);
        keepAlive.shutdownNow();
        pool.shutdown();
        closeAll(sockets);
        endStreams(streams);
    }

    private static long minHeap(int samples) throws Exception {
        long min = Long.MAX_VALUE;
        for (int i = 0; i < samples; i++) {
            if (serverPid != null) {
                new ProcessBuilder("jcmd", serverPid, "GC.run").redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
            }
            min = Math.min(min, metric("base", "memory_usedHeap_bytes"));
            Thread.sleep(1000);
        }
        return min;
    }

    private static long metric(String scope, String name) throws Exception {
        String body = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/metrics?scope=" + scope)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("(?m)^" + name + "(?:\\{[^}]*\\})? ([0-9.E+]+)").matcher(body);
        return m.find() ? (long) Double.parseDouble(m.group(1)) : -1;
    }

    // ---------------------------------------------------------------- REST helpers

    private static List<String[]> createLiveStreams(int n) throws Exception {
        List<String[]> result = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<CompletableFuture<String[]>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = i;
            futures.add(CompletableFuture.supplyAsync(() -> {
                String created = rest("POST", "/api/livestream/create", "{\"title\":\"bench " + k + "\"}");
                Matcher id = FIELD_ID.matcher(created);
                Matcher key = FIELD_KEY.matcher(created);
                if (!id.find() || !key.find()) {
                    throw new IllegalStateException("create failed: " + created);
                }
                rest("POST", "/api/livestream/" + id.group(1) + "/start", null);
                return new String[] {id.group(1), key.group(1)};
            }, pool));
        }
        for (CompletableFuture<String[]> f : futures) {
            result.add(f.get());
        }
        pool.shutdown();
        return result;
    }

    private static void endStreams(List<String[]> streams) {
        streams.parallelStream().forEach(s -> rest("POST", "/api/livestream/" + s[0] + "/end", null));
    }

    private static String rest(String method, String path, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", basic(ALICE))
                .timeout(Duration.ofSeconds(60));
        if (json != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path + ": " + e, e);
        }
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    // ---------------------------------------------------------------- message helpers

    private static String type(String text) {
        Matcher m = TYPE.matcher(text);
        return m.find() ? m.group(1) : "";
    }

    private static String peer(String text) {
        Matcher m = PEER.matcher(text);
        return m.find() ? m.group(1) : "";
    }

    private static String from(String text) {
        Matcher m = FROM.matcher(text);
        return m.find() ? m.group(1) : "";
    }

    /** Microseconds since the send time stamped into the payload. */
    private static long since(String text) {
        long now = System.nanoTime();
        Matcher m = STAMP.matcher(text);
        return m.find() ? (now - Long.parseLong(m.group(1))) / 1000 : -1;
    }

    private static String percentiles(java.util.Collection<Long> micros) {
        long[] v = micros.stream().mapToLong(Long::longValue).filter(x -> x >= 0).sorted().toArray();
        if (v.length == 0) {
            return "no samples";
        }
        return String.format("p50=%.2f ms p99=%.2f ms max=%.2f ms (n=%d)", v[(int) (v.length * 0.50)] / 1000.0,
                v[Math.min(v.length - 1, (int) (v.length * 0.99))] / 1000.0, v[v.length - 1] / 1000.0, v.length);
    }

    private static int[] ints(String arg) {
        return Arrays.stream(arg.substring(arg.indexOf('=') + 1).split(",")).filter(x -> !x.isBlank())
                .mapToInt(Integer::parseInt).toArray();
    }

    private static void closeAll(List<Ws> sockets) {
        synchronized (sockets) {
            sockets.forEach(Ws::close);
        }
    }

    /** One WebSocket whose text messages go to a handler. */
    static final class Ws {
        private static final AtomicInteger NEXT = new AtomicInteger();
        private final WebSocket socket;
        private final CompletableFuture<Void> joined = new CompletableFuture<>();

        private Ws(String streamId, String credentials, Consumer<String> handler) {
            HttpClient client = WS_CLIENTS.get(Math.floorMod(NEXT.getAndIncrement(), WS_CLIENTS.size()));
            WebSocket.Builder b = client.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(30));
            if (credentials != null) {
                b.header("Authorization", basic(credentials));
            }
            StringBuilder partial = new StringBuilder();
            socket = b.buildAsync(URI.create(base.replace("http", "ws") + "/ws/livestream/" + streamId),
                    new WebSocket.Listener() {
                        @Override
                        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                            partial.append(data);
                            if (last) {
                                String text = partial.toString();
                                partial.setLength(0);
                                if (text.contains("\"stream:joined\"")) {
                                    joined.complete(null);
                                }
                                handler.accept(text);
                            }
                            ws.request(1);
                            return null;
                        }
                    }).join();
        }

        static Ws open(String streamId, String credentials, Consumer<String> handler) {
            return new Ws(streamId, credentials, handler);
        }

        synchronized void send(String text) {
            try {
                socket.sendText(text, true).join();
            } catch (RuntimeException e) {
                // closed: the figures will show what was lost
            }
        }

        void joinAndWait(String joinMessage) {
            send(joinMessage);
            joined.orTimeout(30, TimeUnit.SECONDS).join();
        }

        void close() {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
    }
}
