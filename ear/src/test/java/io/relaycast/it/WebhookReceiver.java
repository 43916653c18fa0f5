package io.relaycast.it;

import static org.junit.jupiter.api.Assertions.fail;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Assumptions;

/**
 * An integrator's endpoint for the webhook tests. It listens on 198.18.0.1, the veth address of the
 * test namespace (.ci/run): not loopback or private, so the server's SSRF guard lets it through
 * without WEBHOOKS_ALLOW_PRIVATE. Without that address the tests are skipped, unless
 * RELAYCAST_REQUIRE_BROWSER=true (CI).
 */
final class WebhookReceiver implements AutoCloseable {

    static final String ADDRESS = "198.18.0.1";

    record Received(String path, Map<String, List<String>> headers, String body) {
        String header(String name) {
            List<String> v = headers.get(name);
            return v == null ? null : v.get(0);
        }
    }

    private final HttpServer server;
    private final Map<String, BlockingQueue<Received>> byPath = new ConcurrentHashMap<>();
    private final Map<String, IntSupplier> answers = new ConcurrentHashMap<>();

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    static WebhookReceiver start() throws IOException {
        boolean present = NetworkInterface.getByInetAddress(InetAddress.getByName(ADDRESS)) != null;
        if (!present) {
            if ("true".equalsIgnoreCase(System.getenv("RELAYCAST_REQUIRE_BROWSER"))) {
                fail("No " + ADDRESS + " here: run in the test namespace (.ci/run, README)");
            }
            Assumptions.abort("webhook tests need " + ADDRESS + " (the test namespace's veth)");
        }
        HttpServer s = HttpServer.create(new InetSocketAddress(ADDRESS, 0), 0);
        WebhookReceiver r = new WebhookReceiver(s);
        s.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, List<String>> headers = new ConcurrentHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v));
            r.queue(path).add(new Received(path, headers, body));
            int status = r.answers.getOrDefault(path, () -> 200).getAsInt();
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        s.start();
        return r;
    }

    String url(String path) {
        return "http://" + ADDRESS + ":" + server.getAddress().getPort() + path;
    }

    void answer(String path, IntSupplier status) {
        answers.put(path, status);
    }

    private BlockingQueue<Received> queue(String path) {
        return byPath.computeIfAbsent(path, k -> new LinkedBlockingQueue<>());
    }

    Received next(String path, Duration wait) throws InterruptedException {
        Received r = queue(path).poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        if (r == null) {
            fail("no webhook delivery to " + path + " within " + wait);
        }
        return r;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
