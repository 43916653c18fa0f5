package io.relaycast.it;

import static io.relaycast.it.Api.ALICE;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** What the server acknowledged is on disk: a chat storm, kill -9 in the middle, every 201 still there. */
class ChatDurabilityIT {

    @Test
    void everyAcknowledgedMessageSurvivesAKill() throws Exception {
        String id = Api.createLiveStream(ALICE, "Crash " + System.nanoTime());
        Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean storm = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            int thread = t;
            pool.submit(() -> {
                for (int i = 0; storm.get(); i++) {
                    try { // the owner is exempt from the per-user chat limit
                        Api.Reply r = Api.post("/api/livestream/" + id + "/chat", Api.chatBody("m" + thread + "-" + i), ALICE);
                        if (r.status() == 201) {
                            acknowledged.add(r.json().getJsonNumber("messageId").longValue());
                        }
                    } catch (RuntimeException e) {
                        return; // the server is gone
                    }
                }
            });
        }
        Thread.sleep(2500);
        ServerProcess.kill();
        storm.set(false);
        pool.shutdown();
        assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        assertTrue(acknowledged.size() > 20, "the storm got " + acknowledged.size() + " messages stored");

        ServerProcess.restartAndAwait();
        Set<Long> stored = new HashSet<>();
        for (int offset = 0; ; offset += 200) {
            var page = Api.get("/api/livestream/" + id + "/chat?limit=200&offset=" + offset).expect(200).json()
                    .getJsonArray("messages");
            page.forEach(m -> stored.add(((JsonObject) m).getJsonNumber("id").longValue()));
            if (page.size() < 200) {
                break;
            }
        }
        Set<Long> lost = new HashSet<>(acknowledged);
        lost.removeAll(stored);
        assertTrue(lost.isEmpty(), lost.size() + " of " + acknowledged.size() + " acknowledged messages lost: " + lost);
    }
}
