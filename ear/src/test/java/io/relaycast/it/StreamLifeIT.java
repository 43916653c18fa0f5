package io.relaycast.it;

import static io.relaycast.it.Api.ALICE;
import static io.relaycast.it.Api.CAROL;
import static io.relaycast.it.Api.BOB;
import static io.relaycast.it.Api.get;
import static io.relaycast.it.Api.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A whole stream's life over HTTP against the deployed EAR. */
class StreamLifeIT {

    @Test
    void createStartJoinChatLikeLeaveEnd() {
        JsonObject created = Api.createStream(ALICE, "Life " + System.nanoTime());
        String id = created.getString("streamId");
        String base = "/api/livestream/" + id;
        assertTrue(created.getString("streamKey").length() >= 24);

        JsonObject stream = get(base).expect(200).json().getJsonObject("stream");
        assertEquals("scheduled", stream.getString("status"));
        assertEquals("alice", stream.getString("userId"));

        assertEquals(true, post(base + "/start", null, ALICE).expect(200).json().getBoolean("success"));
        assertEquals("live", get(base).json().getJsonObject("stream").getString("status"));
        assertTrue(ids(get("/api/livestream/active?limit=200").expect(200).json()).contains(id));

        JsonObject anonymous = post(base + "/join", null, null).expect(200).json();
        JsonObject signedIn = post(base + "/join", null, CAROL).expect(200).json();
        assertTrue(anonymous.getBoolean("success"));
        String viewer1 = anonymous.getString("viewerId");
        String viewer2 = signedIn.getString("viewerId");
        assertNotEquals(viewer1, viewer2);
        assertEquals(2, get(base).json().getJsonObject("stream").getInt("currentViewers"));

        JsonObject posted = post(base + "/chat", Api.chatBody("  Hello from carol  "), CAROL).expect(201).json();
        assertTrue(posted.getBoolean("success"));
        post(base + "/chat", Api.chatBody("second"), BOB).expect(201);
        List<JsonObject> messages = get(base + "/chat").expect(200).json().getJsonArray("messages")
                .getValuesAs(JsonObject.class);
        assertEquals(2, messages.size());
        assertEquals("Hello from carol", messages.get(0).getString("message"));
        assertEquals(posted.getJsonNumber("messageId").longValue(), messages.get(0).getJsonNumber("id").longValue());
        assertEquals("carol", messages.get(0).getString("userId"));
        assertEquals("second", messages.get(1).getString("message"));
        // limit=1 is the newest message
        assertEquals("second", get(base + "/chat?limit=1").json().getJsonArray("messages")
                .getJsonObject(0).getString("message"));
        assertEquals("Hello from carol", get(base + "/chat?limit=1&offset=1").json().getJsonArray("messages")
                .getJsonObject(0).getString("message"));

        assertEquals(1, post(base + "/like", null, CAROL).expect(200).json().getInt("likes"));
        assertEquals(2, post(base + "/like", null, ALICE).expect(200).json().getInt("likes"));

        post(base + "/leave", "{\"viewerId\":\"" + viewer1 + "\"}", null).expect(200);
        post(base + "/leave", "{\"viewerId\":\"" + viewer1 + "\"}", null).expect(200); // idempotent
        JsonObject mid = get(base + "/stats").expect(200).json();
        assertEquals(1, mid.getInt("currentViewers"));
        assertEquals(2, mid.getInt("peakViewers"));
        assertEquals(2, mid.getInt("totalViewers"));
        assertEquals(2, mid.getInt("likes"));
        assertEquals(2, mid.getInt("chatMessages"));
        assertEquals("live", mid.getString("status"));

        // a third viewer after one left: two open again, peak stays 2
        post(base + "/join", null, null).expect(200);
        assertEquals(2, get(base + "/stats").json().getInt("peakViewers"));

        post(base + "/end", "{\"recordingUrl\":\"/recordings/" + id + ".webm\"}", ALICE).expect(200);
        JsonObject ended = get(base).json().getJsonObject("stream");
        assertEquals("ended", ended.getString("status"));
        assertEquals("/recordings/" + id + ".webm", ended.getString("recordingUrl"));
        assertTrue(ended.containsKey("endedAt"));
        JsonObject stats = get(base + "/stats").json();
        assertEquals(0, stats.getInt("currentViewers"), "ending closes every open viewer row");
        assertEquals(3, stats.getInt("totalViewers"));
        assertEquals(2, stats.getInt("peakViewers"));
        assertTrue(stats.getInt("durationSeconds") >= 0);
        assertFalse(ids(get("/api/livestream/active?limit=200").json()).contains(id));
        assertTrue(ids(get("/api/livestream/user/alice?limit=200").json()).contains(id));
        // history stays readable after the end
        assertEquals(2, get(base + "/chat").json().getJsonArray("messages").size());
    }

    @Test
    void endWithoutBodyIsAccepted() {
        String id = Api.createLiveStream(BOB, "No body " + System.nanoTime());
        post("/api/livestream/" + id + "/end", null, BOB).expect(200);
        assertEquals("ended", get("/api/livestream/" + id).json().getJsonObject("stream").getString("status"));
    }

    @Test
    void scheduledAtIsKept() {
        String body = "{\"title\":\"Later\",\"scheduledAt\":\"2099-01-02T03:04:05Z\"}";
        String id = post("/api/livestream/create", body, ALICE).expect(201).json().getString("streamId");
        assertEquals("2099-01-02T03:04:05Z",
                get("/api/livestream/" + id).json().getJsonObject("stream").getString("scheduledAt"));
    }

    static List<String> ids(JsonObject list) {
        return list.getJsonArray("streams").getValuesAs(JsonValue::asJsonObject).stream()
                .map(s -> s.getString("id")).toList();
    }
}
