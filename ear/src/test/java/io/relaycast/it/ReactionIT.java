package io.relaycast.it;

import static io.relaycast.it.Api.ALICE;
import static io.relaycast.it.Api.CAROL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Reactions over the WebSocket: many viewers' reactions reach the room as a few totals per window
 * (never one message per reaction), the totals are exact, and they are kept for the report and the
 * timeline. Bad emoji, floods and reactions before the start are refused with an error.
 */
class ReactionIT {

    @Test
    void manyReactionsBecomeAFewExactTotalsAndAreKept() throws Exception {
        JsonObject s = SignalingNegotiationIT.liveStream("Reactions " + System.nanoTime());
        String id = s.getString("streamId");
        int viewers = 6;
        int each = 8; // within a viewer's burst (twice the 5 a second)
        List<WsClient> audience = new ArrayList<>();
        try (WsClient b = WsClient.broadcaster(id, s.getString("streamKey"))) {
            for (int i = 0; i < viewers; i++) {
                audience.add(WsClient.viewer(id, i == 0 ? CAROL : null));
            }
            for (WsClient v : audience) {
                for (int i = 0; i < each; i++) {
                    v.send("{\"type\":\"reaction\",\"emoji\":\"" + (i < 2 ? "❤️" : "👏") + "\"}");
                }
            }
            audience.forEach(WsClient::sync);
            Map<String, Integer> totals = new HashMap<>();
            int messages = 0;
            Instant deadline = Instant.now().plusSeconds(10);
            while (totals.values().stream().mapToInt(Integer::intValue).sum() < viewers * each
                    && Instant.now().isBefore(deadline)) {
                JsonObject m = b.await("reaction:counts");
                messages++;
                m.getJsonObject("counts").forEach((emoji, n) -> totals.merge(emoji, ((JsonNumber) n).intValue(), Integer::sum));
            }
            assertEquals(Map.of("❤️", viewers * 2, "👏", viewers * (each - 2)), totals);
            // a message per window (500 ms), however long the sending took: far fewer than one per reaction
            assertTrue(messages < viewers * each / 2, viewers * each + " reactions took " + messages + " messages");
            assertEquals(0, audience.get(0).all().stream().filter(m -> "error".equals(m.getString("type"))).count());
        } finally {
            audience.forEach(WsClient::close);
        }
        JsonObject report = Api.get("/api/livestream/" + id + "/stats/report", ALICE).expect(200).json();
        assertEquals(viewers * 2, report.getJsonObject("reactions").getInt("❤️"), report.toString());
        assertEquals(viewers * (each - 2), report.getJsonObject("reactions").getInt("👏"), report.toString());
        int inTimeline = Api.get("/api/livestream/" + id + "/stats/timeline?bucketSeconds=3600", ALICE).expect(200).json()
                .getJsonArray("buckets").getValuesAs(JsonObject.class).stream().mapToInt(x -> x.getInt("reactions")).sum();
        assertEquals(viewers * each, inTimeline);
    }

    @Test
    void badFloodedAndEarlyReactionsAreRefused() {
        JsonObject s = SignalingNegotiationIT.liveStream("Reactions refused " + System.nanoTime());
        String id = s.getString("streamId");
        try (WsClient b = WsClient.broadcaster(id, s.getString("streamKey")); WsClient v = WsClient.viewer(id, null)) {
            v.send("{\"type\":\"reaction\",\"emoji\":\"<b>💩</b>\"}");
            JsonObject bad = v.awaitError("bad-message");
            assertEquals("reaction", bad.getString("inReplyTo"));
            v.send("{\"type\":\"reaction\"}");
            v.awaitError("bad-message");
            for (int i = 0; i < 30; i++) {
                v.send("{\"type\":\"reaction\",\"emoji\":\"🎉\"}");
            }
            assertEquals("reaction", v.awaitError("rate-limited").getString("inReplyTo"));
            v.send("{\"type\":\"ping\"}");
            v.await("pong"); // still connected
            int got = 0;
            Instant deadline = Instant.now().plusSeconds(5);
            while (got < 10 && Instant.now().isBefore(deadline)) {
                got += b.await("reaction:counts").getJsonObject("counts").getInt("🎉", 0);
            }
            assertTrue(got >= 10 && got < 30, "a burst gets through, a flood does not: " + got);
        }
        JsonObject scheduled = Api.post("/api/livestream/create", "{\"title\":\"Not yet\"}", ALICE).expect(201).json();
        try (WsClient early = WsClient.viewer(scheduled.getString("streamId"), null)) {
            early.send("{\"type\":\"reaction\",\"emoji\":\"👍\"}");
            assertEquals("reaction", early.awaitError("forbidden").getString("inReplyTo"));
        }
    }
}
