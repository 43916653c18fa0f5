package io.relaycast.it;

import static io.relaycast.it.Api.ALICE;
import static io.relaycast.it.Api.BOB;
import static io.relaycast.it.Api.CAROL;
import static io.relaycast.it.Api.DAVE;
import static io.relaycast.it.Api.get;
import static io.relaycast.it.Api.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The timeline, report and quality of a stream: counted from the tables, for its owner and staff. */
class AnalyticsIT {

    @Test
    void theTimelineCountsJoinsChatAndLikesAndTheReportTotalsThem() throws Exception {
        String id = Api.createLiveStream(ALICE, "Analytics " + System.nanoTime());
        String base = "/api/livestream/" + id;
        String carolViewer = post(base + "/join", null, CAROL).expect(200).json().getString("viewerId");
        post(base + "/join", null, null).expect(200);
        post(base + "/chat", Api.chatBody("one"), CAROL).expect(201);
        post(base + "/chat", Api.chatBody("two"), BOB).expect(201);
        post(base + "/like", null, CAROL).expect(200);
        post(base + "/leave", "{\"viewerId\":\"" + carolViewer + "\"}", CAROL).expect(200);
        try (WsClient viewer = WsClient.viewer(id, null)) {
            viewer.send("{\"type\":\"stats\",\"rttMs\":42.5,\"lossPercent\":0.5,\"bitrateKbps\":900,\"framesPerSecond\":null}");
            viewer.send("{\"type\":\"stats\",\"rttMs\":\"fast\"}");
            viewer.awaitError("bad-message");
            JsonObject quality = get(base + "/stats/quality", ALICE).expect(200).json();
            assertEquals(1, quality.getJsonObject("summary").getInt("reporting"));
            assertEquals(42.5, quality.getJsonObject("summary").getJsonNumber("rttMs").doubleValue(), 0.01);
            assertEquals(viewer.peerId(), quality.getJsonArray("viewers").getJsonObject(0).getString("peerId"));
        }

        JsonObject timeline = get(base + "/stats/timeline?bucketSeconds=3600", ALICE).expect(200).json();
        assertEquals(3600, timeline.getInt("bucketSeconds"));
        List<JsonObject> buckets = timeline.getJsonArray("buckets").getValuesAs(JsonObject.class);
        assertEquals(1, buckets.size());
        JsonObject b = buckets.get(0);
        assertEquals(3, b.getInt("joins"), "two REST joins and one socket");
        assertTrue(b.getInt("leaves") >= 1, b.toString());
        assertEquals(2, b.getInt("chatMessages"));
        assertEquals(1, b.getInt("likes"));
        assertTrue(get(base + "/stats/timeline?bucketSeconds=1", DAVE).expect(200).json()
                .getJsonArray("buckets").size() >= 1, "moderators read it too");

        JsonObject report = get(base + "/stats/report", ALICE).expect(200).json();
        assertEquals(3, report.getInt("uniqueViewers"), "carol once, two anonymous sessions");
        assertEquals(2, report.getInt("chatMessages"));
        assertEquals(1, report.getInt("likes"));
        assertTrue(report.getInt("peak") >= 2, report.toString());

        get(base + "/stats/timeline", null).expectProblem(401);
        get(base + "/stats/timeline", CAROL).expectProblem(403);
        get(base + "/stats/timeline", BOB).expectProblem(403);
        get(base + "/stats/report", BOB).expectProblem(403);
        get(base + "/stats/quality", CAROL).expectProblem(403);
        get(base + "/stats/timeline?bucketSeconds=0", ALICE).expectProblem(400);
        get(base + "/stats/timeline?bucketSeconds=abc", ALICE).expectProblem(400);
        get("/api/livestream/nope/stats/timeline", ALICE).expectProblem(404);
        assertEquals(2, get(base + "/stats").expect(200).json().getInt("chatMessages"), "the public totals still answer");
    }
}
