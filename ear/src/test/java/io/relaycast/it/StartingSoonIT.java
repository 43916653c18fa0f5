package io.relaycast.it;

import static io.relaycast.it.Api.ALICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/** A scheduled stream's "starting soon" webhook arrives before its planned start, once. */
class StartingSoonIT {

    @Test
    void startingSoonIsSentOnceBeforeThePlannedStart() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            Api.post("/api/webhooks", "{\"url\":\"" + receiver.url("/soon") + "\",\"events\":[\"stream.starting-soon\"]}",
                    ALICE).expect(201);
            Instant at = Instant.now().plus(3, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
            String id = Api.post("/api/livestream/create", "{\"title\":\"All-hands " + System.nanoTime()
                    + "\",\"scheduledAt\":\"" + at + "\"}", ALICE).expect(201).json().getString("streamId");
            JsonObject event = null;
            Instant deadline = Instant.now().plusSeconds(30);
            while (event == null && Instant.now().isBefore(deadline)) {
                WebhookReceiver.Received r = receiver.next("/soon", Duration.ofSeconds(25));
                if (r != null) {
                    JsonObject e = Json.createReader(new StringReader(r.body())).readObject();
                    if (id.equals(e.getJsonObject("data").getString("streamId"))) {
                        event = e;
                    }
                }
            }
            assertNotNull(event, "no stream.starting-soon for " + id);
            assertEquals("stream.starting-soon", event.getString("type"));
            assertEquals(at, Instant.parse(event.getJsonObject("data").getString("scheduledAt")));
            WebhookReceiver.Received again = null;
            try {
                again = receiver.next("/soon", Duration.ofSeconds(6)); // three more scans
            } catch (AssertionError nothingMore) {
                // what should happen
            }
            assertTrue(again == null || !again.body().contains(id), "sent once: " + (again == null ? "" : again.body()));
        }
    }
}
