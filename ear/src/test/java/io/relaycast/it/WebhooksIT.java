package io.relaycast.it;

import static io.relaycast.it.Api.ALICE;
import static io.relaycast.it.Api.BOB;
import static io.relaycast.it.Api.CAROL;
import static io.relaycast.it.Api.ERIN;
import static io.relaycast.it.Api.get;
import static io.relaycast.it.Api.post;
import static io.relaycast.it.Api.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Webhooks end to end: a receiver in the test checks every Standard Webhooks signature with its
 * own HMAC, sees events in order, a retry after a 500, a delivery made after a server restart;
 * internal targets are refused; who may do what.
 */
class WebhooksIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private WebhookReceiver receiver;

    @BeforeEach
    void start() throws Exception {
        receiver = WebhookReceiver.start();
    }

    @AfterEach
    void stop() {
        if (receiver != null) {
            receiver.close();
        }
    }

    private JsonObject register(String who, String path, String events) {
        return post("/api/webhooks", "{\"url\":\"" + receiver.url(path) + "\",\"events\":" + events + "}", who)
                .expect(201).json();
    }

    /** Independent of the server's code: javax.crypto over "{id}.{timestamp}.{body}". */
    private static JsonObject verified(WebhookReceiver.Received r, String secret) throws Exception {
        String id = r.header("webhook-id");
        String timestamp = r.header("webhook-timestamp");
        assertNotNull(id);
        assertTrue(Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) < 300, timestamp);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        String expected = "v1," + Base64.getEncoder().encodeToString(
                mac.doFinal((id + "." + timestamp + "." + r.body()).getBytes(StandardCharsets.UTF_8)));
        assertTrue(List.of(r.header("webhook-signature").split(" ")).contains(expected),
                "signature " + r.header("webhook-signature") + " is not " + expected);
        assertEquals("application/json", r.header("content-type"));
        return Json.createReader(new StringReader(r.body())).readObject();
    }

    @Test
    void signedEventsArriveInOrder() throws Exception {
        JsonObject hook = register(ALICE, "/ordered", "[\"stream.started\",\"chat.message\",\"stream.ended\"]");
        String secret = hook.getString("secret");
        assertTrue(secret.startsWith("whsec_"));
        String id = Api.createLiveStream(ALICE, "Hooked " + System.nanoTime());
        for (int i = 0; i < 3; i++) {
            post("/api/livestream/" + id + "/chat", Api.chatBody("line " + i), i % 2 == 0 ? CAROL : BOB).expect(201);
        }
        post("/api/livestream/" + id + "/end", null, ALICE).expect(200);

        JsonObject started = verified(nextFor("/ordered", id, WAIT), secret);
        assertEquals("stream.started", started.getString("type"));
        assertEquals(id, started.getJsonObject("data").getString("streamId"));
        for (int i = 0; i < 3; i++) {
            JsonObject chat = verified(nextFor("/ordered", id, WAIT), secret);
            assertEquals("chat.message", chat.getString("type"));
            assertEquals("line " + i, chat.getJsonObject("data").getString("message"));
        }
        assertEquals("stream.ended", verified(nextFor("/ordered", id, WAIT), secret).getString("type"));

        JsonObject listed = get("/api/webhooks", ALICE).expect(200).json();
        assertTrue(listed.toString().contains(hook.getString("id")));
        assertTrue(!listed.toString().contains(secret), "the secret is shown once, at registration");
        send("DELETE", "/api/webhooks/" + hook.getString("id"), null, ALICE).expect(204);
    }

    @Test
    void aDeliveryAnswered500IsRetried() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        receiver.answer("/flaky", () -> calls.incrementAndGet() == 1 ? 500 : 204);
        JsonObject hook = register(BOB, "/flaky", "[\"stream.started\"]");
        String id = Api.createLiveStream(BOB, "Flaky " + System.nanoTime());
        WebhookReceiver.Received first = nextFor("/flaky", id, WAIT);
        WebhookReceiver.Received second = nextFor("/flaky", id, WAIT);
        assertEquals(first.header("webhook-id"), second.header("webhook-id"), "a retry is the same message");
        assertEquals(id, verified(second, hook.getString("secret")).getJsonObject("data").getString("streamId"));
        JsonObject delivery = awaitDelivery(BOB, hook.getString("id"), "delivered");
        assertEquals(2, delivery.getInt("attempts"));
        assertEquals(204, delivery.getInt("lastStatusCode"));
        send("DELETE", "/api/webhooks/" + hook.getString("id"), null, BOB).expect(204);
    }

    @Test
    void aPendingDeliverySurvivesARestart() throws Exception {
        AtomicInteger status = new AtomicInteger(503);
        receiver.answer("/later", status::get);
        JsonObject hook = register(ALICE, "/later", "[\"stream.started\"]");
        String id = Api.createLiveStream(ALICE, "Restart " + System.nanoTime());
        nextFor("/later", id, WAIT); // refused once
        ServerProcess.run("stop");
        status.set(200);
        ServerProcess.restartAndAwait();
        WebhookReceiver.Received after = nextFor("/later", id, Duration.ofSeconds(60));
        assertEquals(id, verified(after, hook.getString("secret")).getJsonObject("data").getString("streamId"));
        awaitDelivery(ALICE, hook.getString("id"), "delivered");
        send("DELETE", "/api/webhooks/" + hook.getString("id"), null, ALICE).expect(204);
    }

    @Test
    void internalTargetsAreRefused() {
        for (String url : new String[] {"http://127.0.0.1:9080/x", "http://localhost/x", "http://10.0.0.5/x",
                "http://172.16.3.4/x", "http://192.168.1.1/x", "http://169.254.169.254/latest/meta-data",
                "http://[::1]/x", "http://0.0.0.0/x", "http://100.64.0.1/x"}) {
            JsonObject p = post("/api/webhooks", "{\"url\":\"" + url + "\",\"events\":[\"stream.started\"]}", ALICE)
                    .expectProblem(400);
            assertTrue(p.getString("detail").contains("internal") || p.getString("detail").contains("resolve"),
                    url + ": " + p);
        }
    }

    @Test
    void whoMayDoWhat() {
        String body = "{\"url\":\"" + receiver.url("/rules") + "\",\"events\":[\"stream.started\"]}";
        post("/api/webhooks", body, null).expectProblem(401);
        post("/api/webhooks", body, CAROL).expectProblem(403);
        get("/api/webhooks", CAROL).expectProblem(403);
        post("/api/webhooks", "{\"url\":\"" + receiver.url("/rules") + "\",\"events\":[\"stream.exploded\"]}", ALICE)
                .expectProblem(400);
        post("/api/webhooks", "{\"url\":\"" + receiver.url("/rules") + "\",\"events\":[]}", ALICE).expectProblem(400);
        post("/api/webhooks", "{\"url\":\"ftp://example.com/x\",\"events\":[\"stream.started\"]}", ALICE).expectProblem(400);
        post("/api/webhooks", "{\"url\":\"" + receiver.url("/rules") + "\",\"events\":[\"stream.started\"],"
                + "\"serverWide\":true}", ALICE).expectProblem(403);

        String alices = post("/api/webhooks", body, ALICE).expect(201).json().getString("id");
        get("/api/webhooks/" + alices + "/deliveries", BOB).expectProblem(404);
        send("DELETE", "/api/webhooks/" + alices, null, BOB).expectProblem(404);
        get("/api/webhooks/nope/deliveries", ALICE).expectProblem(404);
        get("/api/webhooks/" + alices + "/deliveries", ALICE).expect(200);
        send("DELETE", "/api/webhooks/" + alices, null, ALICE).expect(204);
        send("DELETE", "/api/webhooks/" + alices, null, ALICE).expectProblem(404);
    }

    @Test
    void anAdminsServerWideWebhookHearsEveryStream() throws Exception {
        JsonObject hook = post("/api/webhooks", "{\"url\":\"" + receiver.url("/all") + "\",\"events\":[\"stream.started\"],"
                + "\"serverWide\":true}", ERIN).expect(201).json();
        String id = Api.createLiveStream(BOB, "Anyone's " + System.nanoTime());
        JsonObject event = verified(nextFor("/all", id, WAIT), hook.getString("secret"));
        assertEquals(id, event.getJsonObject("data").getString("streamId"));
        assertTrue(get("/api/webhooks", ERIN).json().toString().contains(hook.getString("id")));
        send("DELETE", "/api/webhooks/" + hook.getString("id"), null, ERIN).expect(204);
    }

    /** The next delivery about this stream (other tests' streams of the same owner come and go meanwhile). */
    private WebhookReceiver.Received nextFor(String path, String streamId, Duration wait) throws InterruptedException {
        Instant deadline = Instant.now().plus(wait);
        while (true) {
            WebhookReceiver.Received r = receiver.next(path, Duration.between(Instant.now(), deadline));
            if (r.body().contains("\"streamId\":\"" + streamId + "\"")) {
                return r;
            }
        }
    }

    private static JsonObject awaitDelivery(String who, String hookId, String status) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        JsonObject last = null;
        while (Instant.now().isBefore(deadline)) {
            last = get("/api/webhooks/" + hookId + "/deliveries", who).expect(200).json().getJsonArray("deliveries")
                    .getJsonObject(0);
            if (status.equals(last.getString("status"))) {
                return last;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("delivery not " + status + ": " + last);
    }
}
