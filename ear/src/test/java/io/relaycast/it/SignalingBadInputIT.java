package io.relaycast.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Malformed, oversized and flooding input gets an error (or a clear close) and harms nobody else. */
class SignalingBadInputIT {

    @Test
    void malformedMessagesGetErrorsAndTheConnectionStaysUsable() {
        JsonObject s = SignalingNegotiationIT.liveStream("Bad");
        String id = s.getString("streamId");
        try (WsClient v = WsClient.viewer(id, null)) {
            v.send("this is not json");
            v.awaitError("bad-json");
            v.send("{\"type\":");
            v.awaitError("bad-json");
            v.send("[1,2,3]");
            v.awaitError("bad-message");
            v.send("{\"no\":\"type\"}");
            v.awaitError("bad-message");
            v.send("{\"type\":42}");
            v.awaitError("bad-message");
            v.send("{\"type\":\"stream:explode\"}");
            v.awaitError("unknown-type");
            v.send("{\"type\":\"stream:answer\"}");
            v.awaitError("bad-message");
            v.send("{\"type\":\"stream:answer\",\"sdp\":\"x\",\"to\":7}");
            v.awaitError("bad-message");
            v.send("{\"type\":\"stream:join\",\"role\":\"viewer\"}");
            v.awaitError("already-joined");
            v.send("{\"type\":\"stream:ice-candidate\",\"candidate\":\"" + "x".repeat(70_000) + "\"}");
            v.awaitError("too-large");
            v.sync();
            assertFalse(v.isClosed());
        }
        try (WsClient c = WsClient.connect(id, null)) {
            c.send("{\"type\":\"stream:join\",\"role\":\"king\"}");
            c.awaitError("bad-message");
            c.send("{\"type\":\"stream:join\"}");
            c.awaitError("bad-message");
        }
        try (WsClient c = WsClient.connect("no-such-stream", null)) {
            c.send("{\"type\":\"stream:join\",\"role\":\"viewer\"}");
            c.awaitError("not-found");
        }
    }

    @Test
    void aFloodIsCutOffWithoutAffectingOtherSessions() {
        JsonObject s = SignalingNegotiationIT.liveStream("Flood");
        String id = s.getString("streamId");
        try (WsClient b = WsClient.broadcaster(id, s.getString("streamKey"));
             WsClient flooder = WsClient.viewer(id, null)) {
            for (int i = 0; i < 400 && flooder.trySend("{\"type\":\"ping\"}"); i++) {
                // as fast as the socket takes them
            }
            flooder.awaitError("rate-limited");
            assertEquals(1008, flooder.awaitClose(Duration.ofSeconds(10)));
            b.sync();
            assertFalse(b.isClosed());
            assertTrue(b.all().stream().noneMatch(m -> "error".equals(m.getString("type"))));
        }
    }
}
