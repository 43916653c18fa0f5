package io.relaycast.it;

import static io.relaycast.it.Api.ALICE;
import static io.relaycast.it.Api.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Joins are bounded, and neither unconfirmed viewers nor broadcaster-less streams linger. */
class JoinLimitsIT {

    static void eventually(Duration timeout, Supplier<Boolean> condition, Supplier<String> what) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.get()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + timeout + ": " + what.get());
            }
            Thread.sleep(250);
        }
    }

    @Test
    void aJoinStormFromOneAddressIsLimited() {
        String id = Api.createLiveStream(ALICE, "Storm " + System.nanoTime());
        int ok = 0;
        Api.Reply limited = null;
        for (int i = 0; i < 200 && limited == null; i++) {
            Api.Reply r = post("/api/livestream/" + id + "/join", null, null);
            if (r.status() == 200) {
                ok++;
            } else {
                limited = r;
            }
        }
        assertTrue(limited != null, "200 joins in a row were all admitted");
        limited.expectProblem(429);
        assertTrue(Integer.parseInt(limited.raw().headers().firstValue("Retry-After").orElse("0")) >= 1);
        assertTrue(ok >= 10, "a burst is allowed (" + ok + ")");
    }

    @Test
    void aRestViewerThatNoSocketConfirmsIsReleased() throws Exception {
        JsonObject s = Api.createStream(ALICE, "Unconfirmed " + System.nanoTime());
        String id = s.getString("streamId");
        post("/api/livestream/" + id + "/start", null, ALICE).expect(200);
        try (WsClient b = WsClient.broadcaster(id, s.getString("streamKey")).keepAlive()) {
            awaitJoinAllowed(id);
            String confirmed = post("/api/livestream/" + id + "/join", null, null).expect(200).json().getString("viewerId");
            post("/api/livestream/" + id + "/join", null, null).expect(200); // never adopted
            try (WsClient v = WsClient.connect(id, (String) null)) {
                v.send("{\"type\":\"stream:join\",\"role\":\"viewer\",\"viewerId\":\"" + confirmed + "\"}");
                v.await("stream:joined");
                v.keepAlive();
                assertEquals(2, stats(id).getInt("currentViewers"));
                // VIEWERS_UNCONFIRMED_TIMEOUT_SECONDS=5 on the test server
                eventually(Duration.ofSeconds(15), () -> stats(id).getInt("currentViewers") == 1,
                        () -> stats(id).toString());
                Thread.sleep(1000);
                assertEquals(1, stats(id).getInt("currentViewers"), "the adopted session stays");
            }
        }
    }

    @Test
    void aStreamStartedOverRestWithoutABroadcasterEnds() throws Exception {
        String id = Api.createLiveStream(ALICE, "Nobody " + System.nanoTime());
        // SIGNALING_FIRST_CONNECT_SECONDS=15 on the test server
        eventually(Duration.ofSeconds(30), () -> "ended".equals(status(id)), () -> status(id));
    }

    static JsonObject stats(String id) {
        return Api.get("/api/livestream/" + id + "/stats").expect(200).json();
    }

    static String status(String id) {
        return Api.get("/api/livestream/" + id).expect(200).json().getJsonObject("stream").getString("status");
    }

    /** The storm test above may have used this address's allowance: wait for it to refill. */
    static void awaitJoinAllowed(String id) throws InterruptedException {
        Thread.sleep(1500);
    }
}
