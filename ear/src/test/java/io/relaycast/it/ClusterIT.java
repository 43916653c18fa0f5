package io.relaycast.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two Liberty processes from this build on one Redis and one PostgreSQL (start-backends.sh): a room
 * spans both — signaling, chat, likes and counts cross between them, a broadcaster may come back
 * through the other node, a sign-in holds and a sign-out ends it on both, and a node killed with
 * SIGKILL is given up by the survivor within 15 s; SFU viewers on one node receive what the other placed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final int GRACE_SECONDS = 4;
    private static NodeProcess node1;
    private static NodeProcess node2;

    @BeforeAll
    static void startNodes() throws Exception {
        Map<String, String> backends = NodeProcess.backends();
        // one LTPA key file for both nodes, as docs/operations.md says: the suite's server's keys
        Path keys = Path.of("target", "cluster-ltpa.keys").toAbsolutePath();
        Files.copy(Path.of(System.getProperty("relaycast.wlpDir"), "usr/servers",
                System.getProperty("relaycast.serverName"), "resources/security/ltpa.keys"), keys,
                StandardCopyOption.REPLACE_EXISTING);
        Map<String, String> timers = new java.util.HashMap<>(Map.of("SIGNALING_BROADCASTER_GRACE_SECONDS",
                Integer.toString(GRACE_SECONDS), "DELIVERY_DEFAULT", "p2p", "LTPA_KEYS_FILE", keys.toString()));
        if (Janus.listening()) { // both nodes drive the same Janus (sfu streams only when asked for)
            timers.put("JANUS_URL", "ws://127.0.0.1:" + Janus.PORT);
        }
        // both at once: on two cores a Liberty start is most of this test's time
        CompletableFuture<NodeProcess> a = CompletableFuture.supplyAsync(() -> start("node1", 19180, backends, timers));
        CompletableFuture<NodeProcess> b = CompletableFuture.supplyAsync(() -> start("node2", 19181, backends, timers));
        node1 = a.join();
        node2 = b.join();
        node1.awaitReady(Duration.ofSeconds(180));
        node2.awaitReady(Duration.ofSeconds(180));
    }

    private static NodeProcess start(String name, int port, Map<String, String> backends, Map<String, String> env) {
        try {
            return NodeProcess.start(name, port, backends, env);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stopNodes() throws Exception {
        for (NodeProcess n : new NodeProcess[] {node1, node2}) {
            if (n != null) {
                n.close();
            }
        }
    }

    static JsonObject createLive(NodeProcess n, String title) {
        JsonObject created = Api.sendTo(n.base(), "POST", "/api/livestream/create", Json.createObjectBuilder()
                .add("title", title).add("recordingEnabled", false).add("delivery", "p2p").build().toString(),
                Api.ALICE, "application/json").expect(201).json();
        Api.sendTo(n.base(), "POST", "/api/livestream/" + created.getString("streamId") + "/start", null, Api.ALICE,
                "application/json").expect(200);
        return created;
    }

    private static JsonObject stats(NodeProcess n, String id) {
        return Api.sendTo(n.base(), "GET", "/api/livestream/" + id + "/stats", null, null, null).expect(200).json();
    }

    /** Polls the stream's current viewer count until it is {@code expected} (5 s at most). */
    private static void awaitViewers(NodeProcess n, String id, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        int seen;
        while ((seen = stats(n, id).getInt("currentViewers")) != expected && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(expected, seen, "current viewers of " + id + " on " + n.name());
    }

    private static JsonObject relay(String type, String to, String field, String value) {
        var b = Json.createObjectBuilder().add("type", type).add(field, value);
        return (to == null ? b : b.add("to", to)).build();
    }

    @Test
    @Order(1)
    void aRoomSpansBothNodes() throws Exception {
        JsonObject s = createLive(node1, "Across nodes " + System.nanoTime());
        String id = s.getString("streamId");
        try (WsClient b = WsClient.broadcasterAt(node1.base(), id, s.getString("streamKey")).keepAlive();
             WsClient v2 = WsClient.viewerAt(node2.base(), id, Api.CAROL).keepAlive();
             WsClient v1 = WsClient.viewerAt(node1.base(), id, null).keepAlive()) {
            // presence crosses: the viewer on node 2 is told the broadcaster on node 1, and vice versa
            assertEquals(b.peerId(), v2.joined().getString("broadcasterPeerId"));
            b.await(m -> "stream:viewer-joined".equals(m.getString("type"))
                    && v2.peerId().equals(m.getString("peerId")), "viewer-joined from node 2");

            // negotiation is relayed both ways across the nodes, with server-set senders
            b.send(relay("stream:offer", v2.peerId(), "sdp", "v=0 offer-across"));
            JsonObject offer = v2.await("stream:offer");
            assertEquals(b.peerId(), offer.getString("from"));
            assertEquals("v=0 offer-across", offer.getString("sdp"));
            v2.send(relay("stream:answer", null, "sdp", "v=0 answer-across"));
            assertEquals(v2.peerId(), b.await("stream:answer").getString("from"));
            for (int i = 0; i < 10; i++) {
                b.send(Json.createObjectBuilder().add("type", "stream:ice-candidate").add("to", v2.peerId())
                        .add("candidate", Json.createObjectBuilder().add("candidate", "b" + i)).build());
                v2.send(Json.createObjectBuilder().add("type", "stream:ice-candidate")
                        .add("candidate", Json.createObjectBuilder().add("candidate", "v" + i)).build());
            }
            v2.await(m -> m.getString("type").equals("stream:ice-candidate")
                    && "b9".equals(m.getJsonObject("candidate").getString("candidate")), "last candidate on node 2");
            b.await(m -> m.getString("type").equals("stream:ice-candidate")
                    && "v9".equals(m.getJsonObject("candidate").getString("candidate")), "last candidate on node 1");
            assertEquals(9, v2.count("stream:ice-candidate"), "the other nine, each once");

            // chat from either node reaches both; a like on node 2 is counted once, seen on node 1
            v2.send("{\"type\":\"chat:send\",\"message\":\"hello from node 2\"}");
            Api.sendTo(node1.base(), "POST", "/api/livestream/" + id + "/chat", Api.chatBody("hello from node 1"),
                    Api.ALICE, "application/json").expect(201);
            for (WsClient c : List.of(b, v1, v2)) {
                c.await(m -> "chat:message".equals(m.getString("type"))
                        && "hello from node 2".equals(m.getString("message")), "node-2 chat");
                c.await(m -> "chat:message".equals(m.getString("type"))
                        && "hello from node 1".equals(m.getString("message")), "node-1 chat");
            }
            v2.send("{\"type\":\"like\"}");
            for (WsClient c : List.of(b, v1)) {
                c.await(m -> "stream_update".equals(m.getString("type")) && m.getInt("likes") == 1
                        && m.getInt("viewers") == 2, "one like and two viewers on node 1");
            }
            assertEquals(stats(node1, id).getInt("currentViewers"), stats(node2, id).getInt("currentViewers"));
            assertEquals(2, stats(node2, id).getInt("currentViewers"));

            // the broadcaster's socket drops on node 1; it comes back through node 2 within the grace
            b.abort();
            v2.await("stream:broadcaster-left");
            v1.await("stream:broadcaster-left");
            try (WsClient b2 = WsClient.broadcasterAt(node2.base(), id, s.getString("streamKey"))) {
                assertTrue(b2.joined().getJsonArray("viewers").stream()
                        .anyMatch(x -> v1.peerId().equals(x.asJsonObject().getString("peerId"))),
                        "the returning broadcaster on node 2 sees the viewer on node 1");
                assertEquals(b2.peerId(), v1.await("stream:broadcaster-rejoined").getString("peerId"));
                v2.await("stream:broadcaster-rejoined");
                b2.send(relay("stream:offer", v1.peerId(), "sdp", "v=0 offer-back"));
                assertEquals(b2.peerId(), v1.await("stream:offer").getString("from"));
                Thread.sleep((GRACE_SECONDS + 2) * 1000L); // past the grace period: the timer was cancelled cluster-wide
                assertEquals("live", Api.sendTo(node1.base(), "GET", "/api/livestream/" + id, null, null, null)
                        .json().getJsonObject("stream").getString("status"));
            }
        }
    }

    @Test
    @Order(2)
    void oneRelayTreeSpansBothNodes() throws Exception {
        JsonObject s = Api.sendTo(node1.base(), "POST", "/api/livestream/create", "{\"title\":\"Relay across\","
                + "\"recordingEnabled\":false,\"delivery\":\"relay\",\"relayFanout\":1}", Api.ALICE,
                "application/json").expect(201).json();
        String id = s.getString("streamId");
        Api.sendTo(node1.base(), "POST", "/api/livestream/" + id + "/start", null, Api.ALICE, "application/json")
                .expect(200);
        try (WsClient b = WsClient.broadcasterAt(node1.base(), id, s.getString("streamKey")).keepAlive();
             WsClient v1 = WsClient.viewerAt(node2.base(), id, null).keepAlive()) {
            assertEquals(b.peerId(), v1.await("relay:parent").getString("peerId"));
            assertEquals(v1.peerId(), b.await("relay:child").getString("peerId"));
            // the broadcaster's node accepts the offer along an edge the other node made
            b.send(relay("stream:offer", v1.peerId(), "sdp", "v=0 down the tree"));
            assertEquals(b.peerId(), v1.await("stream:offer").getString("from"));
            try (WsClient v2 = WsClient.viewerAt(node1.base(), id, null).keepAlive()) {
                // fan-out 1: the broadcaster's slot is taken (on node 2), so node 1 places v2 under v1
                assertEquals(v1.peerId(), v2.await("relay:parent").getString("peerId"));
                assertEquals(v2.peerId(), v1.await("relay:child").getString("peerId"));
                v1.send(relay("stream:offer", v2.peerId(), "sdp", "v=0 relayed on"));
                assertEquals(v1.peerId(), v2.await("stream:offer").getString("from"));
                JsonArray nodes = Api.sendTo(node2.base(), "GET", "/api/livestream/" + id + "/topology", null,
                        Api.ALICE, null).expect(200).json().getJsonArray("nodes");
                assertEquals(3, nodes.size(), "both nodes see one tree: " + nodes);
            }
        }
    }

    @Test
    @Order(3)
    void theWatchPageOnNode2PlaysWhatTheConsoleOnNode1Broadcasts() throws Exception {
        try (Browser b = Browser.launch(); Browser v = Browser.launch()) {
            String id = ConsoleBrowserIT.goLive(b.at(node1.base()), "Cluster browser " + System.nanoTime());
            v.at(node2.base()).open("/watch/" + id);
            v.awaitPlaying("video");
            assertEquals(1, stats(node1, id).getInt("currentViewers"), "counted once, seen from node 1");
        }
    }

    /** Synthetic viewers on node 2 are subscribed to the SFU stream node 1 placed (found on Janus) and receive it. */
    @Test
    @Order(3)
    void sfuViewersOnNode2ReceiveTheStreamPublishedThroughNode1() throws Exception {
        Janus.requireRunning();
        SfuLoadIT.requireLoadClient();
        Path out = Files.createTempFile("cluster-sfu", ".log");
        Process load = SfuLoadIT.loadClient(out, "ws://127.0.0.1:" + Janus.PORT, "--viewers=6", "--base=" + node1.base(),
                "--viewer-base=" + node2.base(), "--ramp=1", "--measure=5", "--timeout=60", "--procs=1").start();
        if (!load.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)) {
            load.destroyForcibly();
        }
        String log = Files.readString(out);
        assertEquals(6, Integer.parseInt(SfuLoadIT.summary(log).group(2)), "every viewer on node 2 receives:\n" + log);
    }

    @Test
    @Order(4)
    void aSignInHoldsOnEveryNodeAndASignOutEndsItOnEveryNode() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> in = http.send(HttpRequest.newBuilder(URI.create(node1.base() + "/api/session"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        Api.CAROL.getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, in.statusCode(), in.body());
        String cookie = in.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("relaycastSso="))
                .findFirst().orElseThrow().split(";", 2)[0];
        assertTrue(me(http, node2, cookie).body().contains("\"userId\":\"carol\""), "node 2 takes node 1's sign-in");

        HttpResponse<String> out = http.send(HttpRequest.newBuilder(URI.create(node1.base() + "/api/session"))
                .header("Cookie", cookie).header("Origin", node1.base()).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(204, out.statusCode(), out.body());
        HttpResponse<String> after = me(http, node2, cookie);
        assertEquals(401, after.statusCode(), "node 2 refuses what node 1 signed out: " + after.body());
        assertTrue(after.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("relaycastSso=;")),
                "and clears it");
        assertTrue(me(http, node1, cookie).body().contains("\"authenticated\":false"), "node 1 too");
    }

    private static HttpResponse<String> me(HttpClient http, NodeProcess n, String cookie) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(n.base() + "/api/session")).header("Cookie", cookie)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @Order(5)
    void aKilledNodesSessionsAreGivenUpBySurvivorsWithin15Seconds() throws Exception {
        // a viewer on node 2 of a broadcast on node 1, and a broadcast on node 2 watched from node 1
        JsonObject s1 = createLive(node1, "Survivor " + System.nanoTime());
        JsonObject s2 = createLive(node1, "Lost broadcaster " + System.nanoTime());
        String id1 = s1.getString("streamId");
        String id2 = s2.getString("streamId");
        try (WsClient b1 = WsClient.broadcasterAt(node1.base(), id1, s1.getString("streamKey")).keepAlive();
             WsClient w = WsClient.viewerAt(node2.base(), id1, null).keepAlive();
             WsClient b2 = WsClient.broadcasterAt(node2.base(), id2, s2.getString("streamKey")).keepAlive();
             WsClient u = WsClient.viewerAt(node1.base(), id2, null).keepAlive()) {
            b1.await("stream:viewer-joined");
            assertEquals(1, stats(node1, id1).getInt("currentViewers"));

            long killedAt = System.nanoTime();
            node2.kill();
            JsonObject left = b1.await(m -> "stream:viewer-left".equals(m.getString("type")), "viewer-left",
                    Duration.ofSeconds(20));
            long seconds = (System.nanoTime() - killedAt) / 1_000_000_000L;
            assertEquals(w.peerId(), left.getString("peerId"));
            assertTrue(seconds <= 15, "viewer-left after " + seconds + " s");
            awaitViewers(node1, id1, 0); // the row is closed just after (leaves are group-committed)
            // the broadcaster that was on node 2 gets its grace period, then its stream ends
            assertEquals(GRACE_SECONDS, u.await("stream:broadcaster-left").getInt("graceSeconds"));
            u.await(m -> "stream_stopped".equals(m.getString("type")), "stream_stopped after the grace",
                    Duration.ofSeconds(GRACE_SECONDS + 10));
            assertEquals("live", Api.sendTo(node1.base(), "GET", "/api/livestream/" + id1, null, null, null)
                    .json().getJsonObject("stream").getString("status"), "the survivor's own stream goes on");
        }
    }
}
