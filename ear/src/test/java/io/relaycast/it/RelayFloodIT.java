package io.relaycast.it;

import static io.relaycast.it.Api.ALICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Viewers cannot get the broadcaster disconnected (and the stream ended) by sending it more than it
 * reads: oversized candidates are refused, each viewer has a relay budget, and a backed-up
 * broadcaster sheds viewer messages instead of being closed.
 */
class RelayFloodIT {

    static final String HUGE_CANDIDATE = "{\"type\":\"stream:ice-candidate\",\"candidate\":{\"candidate\":\""
            + "x".repeat(60_000) + "\",\"sdpMid\":\"0\",\"sdpMLineIndex\":0}}";
    static final String SMALL_CANDIDATE = "{\"type\":\"stream:ice-candidate\",\"candidate\":{\"candidate\":"
            + "\"candidate:1 1 udp 2122260223 10.0.0.1 5000 typ host\",\"sdpMid\":\"0\",\"sdpMLineIndex\":0}}";

    @Test
    void candidateFloodFromThreeViewersAgainstAPausedBroadcaster() throws Exception {
        JsonObject created = Api.createStream(ALICE, "Flood " + System.nanoTime());
        String id = created.getString("streamId");
        Api.post("/api/livestream/" + id + "/start", null, ALICE).expect(200);
        List<WsClient> viewers = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try (WsClient broadcaster = WsClient.broadcaster(id, created.getString("streamKey")).keepAlive()) {
            for (int i = 0; i < 3; i++) {
                viewers.add(WsClient.viewer(id, null));
            }
            broadcaster.pause();
            List<Future<Integer>> floods = new ArrayList<>();
            for (WsClient v : viewers) {
                floods.add(pool.submit(() -> flood(v, 12_000)));
            }
            int sent = 0;
            for (Future<Integer> f : floods) {
                sent += f.get();
            }
            assertTrue(sent > 900, "the viewers sent " + sent + " messages");

            broadcaster.resume();
            broadcaster.sync();
            assertFalse(broadcaster.isClosed(), "the broadcaster's socket is still open");
            assertTrue(broadcaster.count("stream:ice-candidate") > 0, "within budget, candidates still arrive");
            for (WsClient v : viewers) {
                v.awaitError("too-large");
                assertFalse(v.isClosed(), "a viewer over its budget is refused, not cut off");
            }
            assertEquals("live", Api.get("/api/livestream/" + id).expect(200).json()
                    .getJsonObject("stream").getString("status"));
        } finally {
            pool.shutdownNow();
            viewers.forEach(WsClient::close);
        }
    }

    /** About 33 messages a second (just over the per-session rate), alternating huge and small. */
    private static int flood(WsClient viewer, long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        int n = 0;
        while (System.currentTimeMillis() < end && viewer.trySend(n % 2 == 0 ? HUGE_CANDIDATE : SMALL_CANDIDATE)) {
            n++;
            Thread.sleep(30);
        }
        return n;
    }
}
