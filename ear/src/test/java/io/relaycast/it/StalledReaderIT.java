package io.relaycast.it;

import static io.relaycast.it.Api.ALICE;
import static io.relaycast.it.Api.CAROL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import jakarta.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A viewer that stops reading while the broadcaster sends it large offers: once the kernel's buffers
 * are full the server's write to it blocks; the server closes that viewer after the stall limit
 * (SIGNALING_SEND_STALL_SECONDS, 3 s on the test server) and everyone else keeps getting their
 * messages meanwhile — the blocked write holds neither the room nor the other sockets' writers.
 */
class StalledReaderIT {

    static final String SDP = "v=0\\r\\n" + "a=x".repeat(9_000);

    @Test
    void aViewerThatStopsReadingIsClosedAndTheOthersKeepTheirChat() throws Exception {
        JsonObject created = Api.createStream(ALICE, "Stalled " + System.nanoTime());
        String id = created.getString("streamId");
        Api.post("/api/livestream/" + id + "/start", null, ALICE).expect(200);
        try (WsClient broadcaster = WsClient.broadcaster(id, created.getString("streamKey")).keepAlive();
             WsClient stalled = WsClient.viewer(id, null);
             WsClient reader = WsClient.viewer(id, CAROL).keepAlive()) {
            String stalledPeer = stalled.peerId();
            broadcaster.await(m -> "stream:viewer-joined".equals(m.getString("type"))
                    && stalledPeer.equals(m.getString("peerId")), "the stalled viewer joined");
            stalled.pause();

            String offer = "{\"type\":\"stream:offer\",\"to\":\"" + stalledPeer + "\",\"sdp\":{\"type\":\"offer\",\"sdp\":\""
                    + SDP + "\"}}";
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            int chats = 0;
            JsonObject left = null;
            while (left == null && System.nanoTime() < deadline) {
                for (int i = 0; i < 10; i++) { // 20 offers a second: under the per-socket limit of 30
                    broadcaster.send(offer);
                    Thread.sleep(50);
                }
                reader.send("{\"type\":\"chat:send\",\"message\":\"still here " + chats + "\"}");
                String expected = "still here " + chats;
                // Each line reaches the reader that keeps reading, however backed up the other socket is.
                reader.await(m -> "chat:message".equals(m.getString("type")) && expected.equals(m.getString("message")),
                        "chat line " + chats + " while the other viewer is stalled", Duration.ofSeconds(5));
                chats++;
                left = broadcaster.all().stream().filter(m -> "stream:viewer-left".equals(m.getString("type"))
                        && stalledPeer.equals(m.getString("peerId"))).findFirst().orElse(null);
            }
            assertNotNull(left, "the stalled viewer was closed (stream:viewer-left) within 90 s");
            assertFalse(broadcaster.isClosed(), "the broadcaster is still connected");
            assertFalse(reader.isClosed(), "the reading viewer is still connected");
            assertEquals("live", Api.get("/api/livestream/" + id).expect(200).json()
                    .getJsonObject("stream").getString("status"));
        }
    }
}
