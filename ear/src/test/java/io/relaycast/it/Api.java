package io.relaycast.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A tiny HTTP client for the deployed API: real requests, JSON-P for the bodies. */
public final class Api {

    public static final String BASE = System.getProperty("relaycast.baseUrl", "http://localhost:9080");
    public static final String ALICE = "alice:alice-demo";
    public static final String BOB = "bob:bob-demo";
    public static final String CAROL = "carol:carol-demo";
    /** In the moderator role. */
    public static final String DAVE = "dave:dave-demo";
    /** In the admin role. */
    public static final String ERIN = "erin:erin-demo";

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private Api() {
    }

    public record Reply(int status, String contentType, String body, HttpResponse<String> raw) {

        public JsonObject json() {
            try (JsonReader r = Json.createReader(new StringReader(body))) {
                return r.readObject();
            }
        }

        public Reply expect(int expected) {
            assertEquals(expected, status, () -> "HTTP " + status + " with body " + body);
            return this;
        }

        /** Asserts an application/problem+json body with the given status. */
        public JsonObject expectProblem(int expected) {
            expect(expected);
            assertTrue(contentType != null && contentType.startsWith("application/problem+json"),
                    () -> "content type was " + contentType + ", body " + body);
            JsonObject p = json();
            assertEquals(expected, p.getInt("status"));
            assertTrue(p.getString("title").length() > 0);
            assertTrue(p.getString("detail").length() > 0);
            assertTrue(!body.contains("Exception") && !body.contains("\tat "), () -> "leaks internals: " + body);
            return p;
        }
    }

    public static Reply get(String path) {
        return send("GET", path, null, null);
    }

    public static Reply get(String path, String credentials) {
        return send("GET", path, null, credentials);
    }

    public static Reply post(String path, String json, String credentials) {
        return send("POST", path, json, credentials);
    }

    public static Reply send(String method, String path, String json, String credentials) {
        return send(method, path, json, credentials, "application/json");
    }

    public static Reply send(String method, String path, String body, String credentials, String contentType) {
        return sendTo(BASE, method, path, body, credentials, contentType);
    }

    /** To another server than the suite's (the cluster tests' nodes). */
    public static Reply sendTo(String base, String method, String path, String body, String credentials,
                               String contentType) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (credentials != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        if (body != null) {
            b.header("Content-Type", contentType);
            b.method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), r.body(), r);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Creates a stream as the given broadcaster; returns {streamId, streamKey}. */
    public static JsonObject createStream(String credentials, String title) {
        return post("/api/livestream/create", Json.createObjectBuilder().add("title", title)
                .add("description", "integration test").add("recordingEnabled", false).build().toString(), credentials)
                .expect(201).json();
    }

    public static String createLiveStream(String credentials, String title) {
        String id = createStream(credentials, title).getString("streamId");
        post("/api/livestream/" + id + "/start", null, credentials).expect(200);
        return id;
    }

    public static String chatBody(String message) {
        return Json.createObjectBuilder().add("message", message).build().toString();
    }

    /** A stream's status as anyone reads it. */
    public static String status(String streamId) {
        return get("/api/livestream/" + streamId).expect(200).json().getJsonObject("stream").getString("status");
    }

    /** Waits for a stream's status, or fails naming the last one seen (and what {@code context} adds). */
    public static void awaitStatus(String streamId, String status, Duration timeout, java.util.function.Supplier<String> context)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = null;
        while (System.nanoTime() < deadline) {
            last = status(streamId);
            if (status.equals(last)) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("stream " + streamId + " is " + last + ", not " + status + context.get());
    }
}
