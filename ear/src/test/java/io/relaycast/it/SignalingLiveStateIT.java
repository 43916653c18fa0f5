package io.relaycast.it;

import static io.relaycast.it.Api.ALICE;
import static io.relaycast.it.Api.BOB;
import static io.relaycast.it.Api.CAROL;
import static io.relaycast.it.Api.get;
import static io.relaycast.it.Api.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Chat, likes, counts and lifecycle events reach every member of the room. */
class SignalingLiveStateIT {

    @Test
    void chatFromSocketOrRestIsStoredThenReachesEveryone() {
        JsonObject s = SignalingNegotiationIT.liveStream("Chat");
        String id = s.getString("streamId");
        try (WsClient b = WsClient.broadcaster(id, s.getString("streamKey"));
             WsClient carol = WsClient.viewer(id, CAROL);
             WsClient anon = WsClient.viewer(id, null)) {
            carol.send("{\"type\":\"chat:send\",\"message\":\"  <img src=x onerror=alert(1)> hi  \"}");
            for (WsClient c : List.of(b, carol, anon)) {
                JsonObject m = c.await("chat:message");
                assertEquals("<img src=x onerror=alert(1)> hi", m.getString("message"));
                assertEquals("carol", m.getString("userId"));
                assertEquals("carol", m.getString("displayName"));
                assertTrue(m.getJsonNumber("id").longValue() > 0);
            }
            List<JsonObject> history = get("/api/livestream/" + id + "/chat").json().getJsonArray("messages")
                    .getValuesAs(JsonObject.class);
            assertEquals("<img src=x onerror=alert(1)> hi", history.get(history.size() - 1).getString("message"));

            post("/api/livestream/" + id + "/chat", Api.chatBody("from REST"), BOB).expect(201);
            for (WsClient c : List.of(b, carol, anon)) {
                assertEquals("from REST", c.await("chat:message").getString("message"));
            }
            b.send("{\"type\":\"chat:send\",\"message\":\"broadcaster here\"}");
            assertEquals("alice", anon.await("chat:message").getString("userId"));

            anon.send("{\"type\":\"chat:send\",\"message\":\"anonymous\"}");
            anon.awaitError("unauthenticated");
            carol.send("{\"type\":\"chat:send\",\"message\":\"   \"}");
            carol.awaitError("invalid-input");
            carol.send("{\"type\":\"chat:send\"}");
            carol.awaitError("bad-message");
            assertEquals(3, get("/api/livestream/" + id + "/stats").json().getInt("chatMessages"));
        }
    }

    @Test
    void likeStormIsCoalescedIntoAFewUpdatesWithTheRightTotal() throws Exception {
        JsonObject s = SignalingNegotiationIT.liveStream("Likes");
        String id = s.getString("streamId");
        try (WsClient b = WsClient.broadcaster(id, s.getString("streamKey"));
             WsClient carol = WsClient.viewer(id, CAROL)) {
            Thread.sleep(600);
            long before = carol.count("stream_update");
            Instant start = Instant.now();
            for (int i = 0; i < 50; i++) {
                carol.send("{\"type\":\"like\"}");
            }
            JsonObject last = carol.await(m -> "stream_update".equals(m.getString("type"))
                    && m.getInt("likes") == 50, "stream_update with 50 likes");
            assertEquals(1, last.getInt("viewers"));
            Thread.sleep(600);
            double seconds = Math.max(1.0, Duration.between(start, Instant.now()).toMillis() / 1000.0);
            long updates = carol.count("stream_update") - before + 1;
            assertTrue(updates <= 5 * seconds + 2, updates + " updates in " + seconds + " s for 50 likes");
            assertTrue(b.all().stream().anyMatch(m -> "stream_update".equals(m.getString("type"))
                    && m.getInt("likes") == 50), "broadcaster sees the total too");
            assertEquals(50, get("/api/livestream/" + id + "/stats").json().getInt("likes"));
        }
    }

    @Test
    void viewerCountsAndLeftAtAfterCloseAbruptDropAndSilence() {
        JsonObject s = SignalingNegotiationIT.liveStream("Counts");
        String id = s.getString("streamId");
        String stats = "/api/livestream/" + id + "/stats";
        try (WsClient b = WsClient.broadcaster(id, s.getString("streamKey")).keepAlive()) {
            WsClient closer = WsClient.viewer(id, null);
            WsClient dropper = WsClient.viewer(id, null);
            WsClient silent = WsClient.viewer(id, null);
            assertEquals(3, get(stats).json().getInt("currentViewers"));
            b.await(m -> "stream_update".equals(m.getString("type")) && m.getInt("viewers") == 3, "3 viewers");

            closer.close();
            assertEquals(closer.peerId(), b.await("stream:viewer-left").getString("peerId"));
            awaitViewers(stats, 2);

            dropper.abort(); // no close frame
            assertEquals(dropper.peerId(), b.await("stream:viewer-left").getString("peerId"));
            awaitViewers(stats, 1);

            // sends nothing, not even pings: the 6 s idle timeout of the test server closes it
            assertEquals(silent.peerId(), b.await(m -> "stream:viewer-left".equals(m.getString("type")),
                    "silent viewer timed out").getString("peerId"));
            awaitViewers(stats, 0);
            JsonObject after = get(stats).json();
            assertEquals(3, after.getInt("peakViewers"));
            assertEquals(3, after.getInt("totalViewers"));
        }
    }

    private static void awaitViewers(String statsPath, int expected) {
        Instant deadline = Instant.now().plusSeconds(15);
        int current = -1;
        while (Instant.now().isBefore(deadline)) {
            current = get(statsPath).json().getInt("currentViewers");
            if (current == expected) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("currentViewers stayed " + current + ", expected " + expected);
    }

    @Test
    void restStartAndEndReachEveryViewerAndWaitingViewersAreAdmitted() {
        JsonObject created = Api.createStream(ALICE, "Start " + System.nanoTime());
        String id = created.getString("streamId");
        try (WsClient b = WsClient.broadcaster(id, created.getString("streamKey"));
             WsClient early = WsClient.viewer(id, CAROL)) {
            assertEquals("scheduled", early.joined().getString("status"));
            assertTrue(early.joined().isNull("viewerId"), "no viewer row before the stream is live");
            assertTrue(early.joined().getJsonArray("iceServers").getValuesAs(JsonObject.class).stream()
                    .noneMatch(s -> s.containsKey("credential")), "no TURN credentials before admission");
            assertEquals(0, get("/api/livestream/" + id + "/stats").json().getInt("totalViewers"));

            post("/api/livestream/" + id + "/start", null, ALICE).expect(200);
            early.await("stream_started");
            JsonObject admitted = early.await("stream:admitted");
            assertTrue(admitted.getJsonArray("iceServers").getValuesAs(JsonObject.class).stream()
                    .anyMatch(s -> s.containsKey("credential")), "TURN credentials once admitted: " + admitted);
            b.await("stream_started");
            assertEquals(early.peerId(), b.await("stream:viewer-joined").getString("peerId"));
            assertEquals(1, get("/api/livestream/" + id + "/stats").json().getInt("currentViewers"));

            post("/api/livestream/" + id + "/end", "{\"recordingUrl\":\"/recordings/x.webm\"}", ALICE).expect(200);
            JsonObject stopped = early.await("stream_stopped");
            assertEquals("/recordings/x.webm", stopped.getString("recordingUrl"));
            b.await("stream_stopped");
            assertEquals(1000, early.awaitClose(Duration.ofSeconds(10)));
            assertEquals(1000, b.awaitClose(Duration.ofSeconds(10)));
        }
        try (WsClient late = WsClient.connect(id, null)) {
            late.send("{\"type\":\"stream:join\",\"role\":\"viewer\"}");
            late.awaitError("stream-ended");
        }
    }

    @Test
    void broadcasterEndsOverTheSocketAndViewersAdoptRestSessions() {
        JsonObject s = SignalingNegotiationIT.liveStream("Adopt");
        String id = s.getString("streamId");
        String viewerId = post("/api/livestream/" + id + "/join", null, null).expect(200).json().getString("viewerId");
        try (WsClient b = WsClient.broadcaster(id, s.getString("streamKey"));
             WsClient v = WsClient.connect(id, null)) {
            v.send("{\"type\":\"stream:join\",\"role\":\"viewer\",\"viewerId\":\"" + viewerId + "\"}");
            assertEquals(viewerId, v.await("stream:joined").getString("viewerId"));
            assertEquals(1, get("/api/livestream/" + id + "/stats").json().getInt("totalViewers"), "adopted, not new");
            try (WsClient twin = WsClient.connect(id, null)) {
                twin.send("{\"type\":\"stream:join\",\"role\":\"viewer\",\"viewerId\":\"" + viewerId + "\"}");
                twin.awaitError("already-joined");
            }
            v.send("{\"type\":\"stream:end\"}");
            v.awaitError("forbidden");
            b.send("{\"type\":\"stream:end\"}");
            v.await("stream_stopped");
            assertEquals("ended", get("/api/livestream/" + id).json().getJsonObject("stream").getString("status"));
        }
    }
}
