package io.relaycast.it;

import static io.relaycast.it.Api.ALICE;
import static io.relaycast.it.Api.CAROL;
import static io.relaycast.it.Api.get;
import static io.relaycast.it.Api.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Stops and starts the real server process: streams and chat are still there (H2 file database),
 * and no viewer row stays open (no WebSocket survives a restart).
 */
class DataSurvivesRestartIT {

    @Test
    void streamsAndChatSurviveARestart() throws Exception {
        String id = Api.createLiveStream(ALICE, "Durable " + System.nanoTime());
        post("/api/livestream/" + id + "/chat", Api.chatBody("still here?"), CAROL).expect(201);
        post("/api/livestream/" + id + "/join", null, CAROL).expect(200);
        assertEquals(1, get("/api/livestream/" + id + "/stats").json().getInt("currentViewers"));
        post("/api/livestream/" + id + "/bans", "{\"userId\":\"bob\",\"reason\":\"durable\"}", ALICE).expect(201);

        ServerProcess.run("stop");
        ServerProcess.restartAndAwait();

        JsonObject stream = get("/api/livestream/" + id).expect(200).json().getJsonObject("stream");
        // Live until the broadcaster grace period after start-up runs out without a broadcaster.
        assertTrue(List.of("live", "ended").contains(stream.getString("status")), stream.toString());
        assertEquals("Durable", stream.getString("title").substring(0, 7));
        assertEquals("still here?", get("/api/livestream/" + id + "/chat").json().getJsonArray("messages")
                .getJsonObject(0).getString("message"));
        JsonObject stats = get("/api/livestream/" + id + "/stats").json();
        assertEquals(0, stats.getInt("currentViewers"), "no viewer row stays open after a restart");
        assertEquals(1, stats.getInt("totalViewers"));
        assertEquals("durable", get("/api/livestream/" + id + "/bans", ALICE).expect(200).json().getJsonArray("bans")
                .getJsonObject(0).getString("reason"), "a ban survives a restart");
    }
}
