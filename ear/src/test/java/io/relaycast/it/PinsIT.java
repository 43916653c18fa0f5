package io.relaycast.it;

import static io.relaycast.it.Api.ALICE;
import static io.relaycast.it.Api.BOB;
import static io.relaycast.it.Api.CAROL;
import static io.relaycast.it.Api.DAVE;
import static io.relaycast.it.Api.get;
import static io.relaycast.it.Api.post;
import static io.relaycast.it.Api.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/** Pinned links and products: the owner pins, everyone sees them live; only http(s) links. */
class PinsIT {

    @Test
    void theOwnerPinsAndUnpinsAndTheRoomIsTold() {
        String id = Api.createLiveStream(ALICE, "Pins " + System.nanoTime());
        String base = "/api/livestream/" + id + "/pins";
        String pin = "{\"title\":\"Enterprise plan\",\"url\":\"https://example.com/buy\",\"description\":\"<b>not bold</b>\","
                + "\"imageUrl\":\"https://example.com/p.png\",\"price\":\"€49\"}";
        try (WsClient viewer = WsClient.viewer(id, null)) {
            post(base, pin, null).expectProblem(401);
            post(base, pin, CAROL).expectProblem(403);
            post(base, pin, BOB).expectProblem(403);
            post(base, pin, DAVE).expectProblem(403);
            post("/api/livestream/nope/pins", pin, ALICE).expectProblem(404);
            for (String bad : new String[] {"javascript:alert(1)", "data:text/html,x", "/relative", "ftp://example.com/x",
                    "https://"}) {
                post(base, "{\"title\":\"x\",\"url\":\"" + bad + "\"}", ALICE).expectProblem(400);
            }
            post(base, "{\"title\":\"x\",\"url\":\"https://example.com\",\"imageUrl\":\"javascript:x\"}", ALICE)
                    .expectProblem(400);
            post(base, "{\"url\":\"https://example.com\"}", ALICE).expectProblem(400);

            String pinId = post(base, pin, ALICE).expect(201).json().getString("pinId");
            JsonObject added = viewer.await("pin:added");
            assertEquals(pinId, added.getString("pinId"));
            assertEquals("<b>not bold</b>", added.getString("description"), "stored as text, not sanitised away");
            JsonObject listed = get(base).expect(200).json().getJsonArray("pins").getJsonObject(0);
            assertEquals("Enterprise plan", listed.getString("title"));
            assertEquals("€49", listed.getString("price"));

            String priced = post(base, "{\"title\":\"y\",\"url\":\"https://example.com/y\",\"price\":49.90}", ALICE)
                    .expect(201).json().getString("pinId");
            assertEquals("49.90", viewer.await(m -> "pin:added".equals(m.getString("type"))
                    && priced.equals(m.getString("pinId")), "the priced pin").getString("price"), "a number is kept as written");
            post(base, "{\"title\":\"y\",\"url\":\"https://example.com/y\",\"price\":[1]}", ALICE).expectProblem(400);
            send("DELETE", base + "/" + priced, null, ALICE).expect(204);

            send("DELETE", base + "/" + pinId, null, BOB).expectProblem(403);
            send("DELETE", base + "/nope", null, ALICE).expectProblem(404);
            send("DELETE", base + "/" + pinId, null, ALICE).expect(204);
            viewer.await(m -> "pin:removed".equals(m.getString("type")) && pinId.equals(m.getString("pinId")), "its removal");
            assertTrue(get(base).json().getJsonArray("pins").isEmpty());
        }
    }
}
