package io.relaycast.it;

import static io.relaycast.it.Api.ALICE;
import static io.relaycast.it.Api.BOB;
import static io.relaycast.it.Api.get;
import static io.relaycast.it.Api.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Relay delivery over real sockets: the tree the server builds (fan-out 2), offers and answers
 * between viewers along its edges only, the repair when a relay drops, and the topology endpoint.
 */
class RelayIT {

    private static String createRelayStream(int fanout) {
        String id = post("/api/livestream/create", "{\"title\":\"Relay " + System.nanoTime()
                + "\",\"delivery\":\"relay\",\"relayFanout\":" + fanout + "}", ALICE).expect(201).json().getString("streamId");
        post("/api/livestream/" + id + "/start", null, ALICE).expect(200);
        return id;
    }

    private static String parentOf(WsClient v) {
        return v.await("relay:parent").getString("peerId");
    }

    @Test
    void viewersFeedViewersAlongTheTreeAndARelayThatDropsIsReplaced() {
        post("/api/livestream/create", "{\"title\":\"x\",\"delivery\":\"relay\",\"relayFanout\":9}", ALICE).expectProblem(400);
        post("/api/livestream/create", "{\"title\":\"x\",\"delivery\":\"mesh\"}", ALICE).expectProblem(400);
        String id = createRelayStream(2);
        JsonObject stream = get("/api/livestream/" + id).json().getJsonObject("stream");
        assertEquals("relay", stream.getString("delivery"));
        assertEquals(2, stream.getInt("relayFanout"));
        JsonObject created = get("/api/livestream/" + id, ALICE).json().getJsonObject("stream");

        try (WsClient b = WsClient.broadcaster(id, created.getString("streamKey"));
             WsClient v1 = WsClient.viewer(id, null); WsClient v2 = WsClient.viewer(id, null);
             WsClient v3 = WsClient.viewer(id, null); WsClient v4 = WsClient.viewer(id, null)) {
            assertEquals("relay", v1.joined().getString("delivery"));
            assertEquals(b.peerId(), parentOf(v1));
            assertEquals(b.peerId(), parentOf(v2));
            String p3 = parentOf(v3);
            String p4 = parentOf(v4);
            assertTrue(List.of(v1.peerId(), v2.peerId()).contains(p3), "the broadcaster is full: under a viewer");
            assertTrue(List.of(v1.peerId(), v2.peerId()).contains(p4));
            b.sync();
            assertEquals(2, b.count("relay:child"), "the broadcaster feeds two viewers, not four");

            WsClient relay = p3.equals(v1.peerId()) ? v1 : v2;
            JsonObject child = relay.await("relay:child");
            String childId = child.getString("peerId");
            WsClient orphan = childId.equals(v3.peerId()) ? v3 : v4;
            relay.send("{\"type\":\"stream:offer\",\"to\":\"" + childId + "\",\"sdp\":{\"type\":\"offer\",\"sdp\":\"v=0\"}}");
            assertEquals(relay.peerId(), orphan.await("stream:offer").getString("from"));
            orphan.send("{\"type\":\"stream:answer\",\"sdp\":{\"type\":\"answer\",\"sdp\":\"v=0\"}}");
            assertEquals(orphan.peerId(), relay.await("stream:answer").getString("from"), "an answer goes to the parent");
            orphan.send("{\"type\":\"stream:offer\",\"to\":\"" + relay.peerId() + "\",\"sdp\":{\"type\":\"offer\"}}");
            orphan.awaitError("forbidden");

            JsonObject topology = get("/api/livestream/" + id + "/topology", ALICE).expect(200).json();
            assertEquals(2, topology.getInt("depth"));
            assertEquals(5, topology.getJsonArray("nodes").size());
            assertEquals(b.peerId(), topology.getJsonArray("nodes").getJsonObject(0).getString("peerId"));
            get("/api/livestream/" + id + "/topology", null).expectProblem(401);
            get("/api/livestream/" + id + "/topology", BOB).expectProblem(403);
            get("/api/livestream/nope/topology", ALICE).expectProblem(404);

            long before = reparented();
            relay.abort(); // the relay's socket drops
            String newParent = orphan.await(m -> "relay:parent".equals(m.getString("type"))
                    && !relay.peerId().equals(m.getString("peerId")), "a new parent").getString("peerId");
            assertTrue(List.of(b.peerId(), v1.peerId(), v2.peerId()).contains(newParent));
            assertTrue(reparented() > before, "repairs are counted at /metrics");
        }
    }

    private static long reparented() {
        String metrics = get("/metrics?scope=application").body();
        for (String line : metrics.split("\n")) {
            if (line.startsWith("relaycast_relay_reparented_total")) {
                return (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return 0;
    }

    @Test
    void aViewerMayStayALeafAndNameItsSite() {
        String id = createRelayStream(1);
        String key = get("/api/livestream/" + id, ALICE).json().getJsonObject("stream").getString("streamKey");
        try (WsClient b = WsClient.broadcaster(id, key); WsClient leaf = WsClient.connectWith(id, Map.of())) {
            leaf.send("{\"type\":\"stream:join\",\"role\":\"viewer\",\"relay\":false,\"site\":\"paris\"}");
            leaf.await("stream:joined");
            try (WsClient next = WsClient.viewer(id, null)) {
                assertEquals(b.peerId(), parentOf(next), "never under the viewer that opted out");
                JsonObject node = get("/api/livestream/" + id + "/topology", ALICE).json().getJsonArray("nodes")
                        .getValuesAs(JsonObject.class).stream().filter(n -> "paris".equals(n.getString("site", null)))
                        .findFirst().orElseThrow();
                assertEquals(false, node.getBoolean("canRelay"));
            }
        }
    }
}
