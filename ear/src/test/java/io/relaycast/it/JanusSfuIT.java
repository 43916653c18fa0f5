package io.relaycast.it;

import static io.relaycast.it.Api.ALICE;
import static io.relaycast.it.Api.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The Janus adapter against the real Janus: a room per SFU stream (created when the broadcaster
 * publishes, destroyed when the stream ends), the session kept alive, a Janus restart survived.
 */
class JanusSfuIT {

    /** A live SFU stream and its broadcaster's socket. */
    static WsClient sfuBroadcaster(String title) {
        JsonObject created = post("/api/livestream/create", "{\"title\":\"" + title + " " + System.nanoTime()
                + "\",\"delivery\":\"sfu\"}", ALICE).expect(201).json();
        String id = created.getString("streamId");
        assertEquals("sfu", Api.get("/api/livestream/" + id).json().getJsonObject("stream").getString("delivery"));
        WsClient b = WsClient.broadcaster(id, created.getString("streamKey")).keepAlive();
        assertEquals("sfu", b.joined().getString("delivery"));
        post("/api/livestream/" + id + "/start", null, ALICE).expect(200);
        return b;
    }

    static void publish(WsClient b) {
        b.send("{\"type\":\"sfu:publish\",\"sdp\":" + Janus.cannedOffer() + "}");
        JsonObject published = b.await("sfu:published");
        assertEquals("answer", published.getJsonObject("sdp").getString("type"));
    }

    @Test
    void aRoomPerStreamFromPublishToTheEnd() throws Exception {
        Janus.requireRunning();
        try (WsClient b = sfuBroadcaster("Room")) {
            String id = b.joined().getString("streamId");
            publish(b);
            assertTrue(Janus.roomExists(id), "the stream's room is in Janus");
            assertFalse(b.all().toString().contains("secret"), "no SFU secrets for browsers");
            post("/api/livestream/" + id + "/end", null, ALICE).expect(200);
            JoinLimitsIT.eventually(Duration.ofSeconds(10), () -> !exists(id), () -> "room still there");
        }
    }

    @Test
    void theSessionIsKeptAliveAndAJanusRestartIsSurvived() throws Exception {
        Janus.requireRunning();
        try (WsClient b = sfuBroadcaster("Keepalive")) {
            publish(b);
            Thread.sleep(Janus.sessionTimeout().plusSeconds(5).toMillis()); // past Janus's session timeout
            publish(b); // the same session still works
        }
        Janus.kill();
        try {
            JoinLimitsIT.eventually(Duration.ofSeconds(20), () -> Api.get("/health/ready").status() == 503,
                    () -> Api.get("/health/ready").body());
            // SFU streams are refused with a clear problem while it is down; P2P ones are not
            post("/api/livestream/create", "{\"title\":\"Down\",\"delivery\":\"sfu\"}", ALICE).expectProblem(409);
            post("/api/livestream/create", "{\"title\":\"Down\",\"delivery\":\"p2p\"}", ALICE).expect(201);
        } finally {
            Janus.start();
        }
        JoinLimitsIT.eventually(Duration.ofSeconds(20), () -> Api.get("/health/ready").status() == 200,
                () -> Api.get("/health/ready").body());
        try (WsClient b = sfuBroadcaster("Back")) {
            publish(b);
            assertTrue(Janus.roomExists(b.joined().getString("streamId")));
        }
    }

    static boolean exists(String room) {
        try {
            return Janus.roomExists(room);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
