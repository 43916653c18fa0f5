package io.relaycast.it;

import static io.relaycast.it.Api.ALICE;
import static io.relaycast.it.Api.CAROL;
import static io.relaycast.it.Api.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A broadcaster and viewers negotiate through the real endpoint; addressing rules hold. */
class SignalingNegotiationIT {

    static JsonObject liveStream(String title) {
        JsonObject created = Api.createStream(ALICE, title + " " + System.nanoTime());
        Api.post("/api/livestream/" + created.getString("streamId") + "/start", null, ALICE).expect(200);
        return created;
    }

    static JsonObject msg(String type, String to, String field, String value) {
        var b = Json.createObjectBuilder().add("type", type).add(field, value);
        if (to != null) {
            b.add("to", to);
        }
        return b.build();
    }

    @Test
    void broadcasterAndTwoViewersNegotiateAndEveryMessageReachesExactlyItsAddressee() {
        JsonObject s = liveStream("Negotiate");
        String id = s.getString("streamId");
        try (WsClient b = WsClient.broadcaster(id, s.getString("streamKey"));
             WsClient v1 = WsClient.connect(id, null);
             WsClient v2 = WsClient.connect(id, CAROL)) {
            v1.send("{\"type\":\"stream:join\",\"role\":\"viewer\"}");
            JsonObject j1 = v1.await("stream:joined");
            v2.send("{\"type\":\"stream:join\",\"role\":\"viewer\"}");
            JsonObject j2 = v2.await("stream:joined");
            String p1 = j1.getString("peerId");
            String p2 = j2.getString("peerId");
            assertNotEquals(p1, p2);
            assertEquals("viewer", j1.getString("role"));
            assertTrue(j1.containsKey("iceServers") && j1.containsKey("viewerId"));

            Set<String> announced = Set.of(b.await("stream:viewer-joined").getString("peerId"),
                    b.await("stream:viewer-joined").getString("peerId"));
            assertEquals(Set.of(p1, p2), announced);
            String bp = j1.getString("broadcasterPeerId");

            b.send(msg("stream:offer", p1, "sdp", "offer-for-1"));
            b.send(msg("stream:offer", p2, "sdp", "offer-for-2"));
            JsonObject o1 = v1.await("stream:offer");
            JsonObject o2 = v2.await("stream:offer");
            assertEquals("offer-for-1", o1.getString("sdp"));
            assertEquals("offer-for-2", o2.getString("sdp"));
            assertEquals(bp, o1.getString("from"));
            assertEquals(bp, o2.getString("from"));

            // A client-supplied 'from' is ignored: the server sets it.
            v1.send(Json.createObjectBuilder().add("type", "stream:answer").add("sdp", "answer-1")
                    .add("from", p2).build());
            v2.send(msg("stream:answer", bp, "sdp", "answer-2"));
            JsonObject a1 = b.await(m -> "answer-1".equals(m.getString("sdp", null)), "answer-1");
            JsonObject a2 = b.await(m -> "answer-2".equals(m.getString("sdp", null)), "answer-2");
            assertEquals(p1, a1.getString("from"));
            assertEquals(p2, a2.getString("from"));

            for (int i = 0; i < 10; i++) {
                b.send(msg("stream:ice-candidate", p1, "candidate", "b-to-1-" + i));
                b.send(msg("stream:ice-candidate", p2, "candidate", "b-to-2-" + i));
                v1.send(msg("stream:ice-candidate", null, "candidate", "1-to-b-" + i));
                v2.send(msg("stream:ice-candidate", bp, "candidate", "2-to-b-" + i));
            }
            b.sync();
            v1.sync();
            v2.sync();
            b.sync();
            assertEquals(10, candidates(v1, "b-to-1-"));
            assertEquals(10, candidates(v2, "b-to-2-"));
            assertEquals(0, candidates(v1, "b-to-2-") + candidates(v2, "b-to-1-"), "no cross delivery");
            assertEquals(10, candidates(b, "1-to-b-"));
            assertEquals(10, candidates(b, "2-to-b-"));
            assertTrue(b.all().stream().filter(m -> m.getString("type").equals("stream:ice-candidate"))
                    .allMatch(m -> m.getString("from").equals(m.getString("candidate").startsWith("1-") ? p1 : p2)));
            assertEquals(0, v1.count("stream:answer") + v1.count("stream:offer") + v2.count("stream:offer"),
                    "each viewer got exactly one offer and never an answer");
        }
    }

    private static int candidates(WsClient c, String prefix) {
        return (int) c.all().stream().filter(m -> "stream:ice-candidate".equals(m.getString("type"))
                && m.getString("candidate").startsWith(prefix)).count();
    }

    @Test
    void viewersCanOnlyAddressTheBroadcaster() {
        JsonObject s = liveStream("Addressing");
        String id = s.getString("streamId");
        try (WsClient b = WsClient.broadcaster(id, s.getString("streamKey"));
             WsClient v1 = WsClient.viewer(id, null);
             WsClient v2 = WsClient.viewer(id, null)) {
            String victim = v2.peerId();
            v1.send(msg("stream:ice-candidate", victim, "candidate", "sneaky"));
            v1.awaitError("forbidden");
            v1.send(msg("stream:answer", victim, "sdp", "sneaky"));
            v1.awaitError("forbidden");
            v1.send(msg("stream:offer", victim, "sdp", "sneaky"));
            v1.awaitError("forbidden");
            v1.send(msg("stream:ice-candidate", "p_nobody", "candidate", "lost"));
            v1.awaitError("unknown-peer");
            b.send(msg("stream:offer", "p_nobody", "sdp", "x"));
            b.awaitError("unknown-peer");
            b.send(msg("stream:answer", victim, "sdp", "x"));
            b.awaitError("forbidden");
            v2.sync();
            assertTrue(v2.all().stream().noneMatch(m -> m.toString().contains("sneaky")), "nothing reached v2");
        }
    }

    @Test
    void wrongKeyIsRefusedAndNothingButJoinIsAcceptedFirst() {
        JsonObject s = liveStream("Key");
        String id = s.getString("streamId");
        try (WsClient c = WsClient.connect(id, null)) {
            c.send(msg("stream:offer", "p_x", "sdp", "x"));
            c.awaitError("not-joined");
            c.send("{\"type\":\"stream:join\",\"role\":\"broadcaster\",\"streamKey\":\"rk_wrong\"}");
            c.awaitError("forbidden");
            c.send("{\"type\":\"stream:join\",\"role\":\"broadcaster\"}");
            c.awaitError("forbidden");
            // the socket is still usable and can join properly
            c.send(Json.createObjectBuilder().add("type", "stream:join").add("role", "broadcaster")
                    .add("streamKey", s.getString("streamKey")).build());
            assertEquals("broadcaster", c.await("stream:joined").getString("role"));
        }
        // the owner signed in on the handshake needs no key
        try (WsClient owner = WsClient.connect(id, ALICE)) {
            owner.send("{\"type\":\"stream:join\",\"role\":\"broadcaster\"}");
            owner.await("stream:joined");
        }
    }

    @Test
    void secondBroadcasterTakesOverAndTheFirstIsToldAndClosed() {
        JsonObject s = liveStream("Takeover");
        String id = s.getString("streamId");
        try (WsClient b1 = WsClient.broadcaster(id, s.getString("streamKey"));
             WsClient v = WsClient.viewer(id, null)) {
            String viewerPeer = b1.await("stream:viewer-joined").getString("peerId");
            try (WsClient b2 = WsClient.connect(id, null)) {
                b2.send(Json.createObjectBuilder().add("type", "stream:join").add("role", "broadcaster")
                        .add("streamKey", s.getString("streamKey")).build());
                JsonObject joined = b2.await("stream:joined");
                assertEquals(List.of(viewerPeer), joined.getJsonArray("viewers").getValuesAs(JsonObject.class)
                        .stream().map(x -> x.getString("peerId")).collect(Collectors.toList()));
                b1.awaitError("replaced");
                assertEquals(4001, b1.awaitClose(Duration.ofSeconds(10)));
                assertEquals(joined.getString("peerId"), v.await("stream:broadcaster-rejoined").getString("peerId"));
                assertEquals(0, v.count("stream:broadcaster-left"), "a takeover is not a departure");
                b2.send(msg("stream:offer", viewerPeer, "sdp", "from-b2"));
                assertEquals(joined.getString("peerId"), v.await("stream:offer").getString("from"));
            }
        }
    }

    @Test
    void broadcasterReconnectingWithinGraceKeepsTheStreamAndViewersRenegotiate() throws Exception {
        JsonObject s = liveStream("Grace");
        String id = s.getString("streamId");
        try (WsClient v = WsClient.viewer(id, null)) {
            WsClient b = WsClient.broadcaster(id, s.getString("streamKey"));
            b.abort();
            v.await("stream:broadcaster-left");
            try (WsClient back = WsClient.broadcaster(id, s.getString("streamKey"))) {
                v.await("stream:broadcaster-rejoined");
                Thread.sleep(6000); // longer than the test server's 4 s grace
                assertEquals("live", get("/api/livestream/" + id).json().getJsonObject("stream").getString("status"));
                assertFalse(v.isClosed());
            }
        }
    }

    @Test
    void broadcasterNotReturningEndsTheStreamAfterGrace() {
        JsonObject s = liveStream("Gone");
        String id = s.getString("streamId");
        try (WsClient v = WsClient.viewer(id, null)) {
            WsClient b = WsClient.broadcaster(id, s.getString("streamKey"));
            b.close();
            assertEquals(4, v.await("stream:broadcaster-left").getInt("graceSeconds"));
            v.await("stream_stopped");
            assertEquals(1000, v.awaitClose(Duration.ofSeconds(10)));
            JsonObject stats = get("/api/livestream/" + id + "/stats").json();
            assertEquals("ended", stats.getString("status"));
            assertEquals(0, stats.getInt("currentViewers"));
        }
    }
}
