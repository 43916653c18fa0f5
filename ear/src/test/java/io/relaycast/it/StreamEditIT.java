package io.relaycast.it;

import static io.relaycast.it.Api.ALICE;
import static io.relaycast.it.Api.BOB;
import static io.relaycast.it.Api.DAVE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

/** Editing, rescheduling and cancelling streams; tags in listings; a viewer limit that staff pass. */
class StreamEditIT {

    private static String tag() {
        return "it" + System.nanoTime() % 1_000_000_000L; // a tag of this run only
    }

    private static VEvent event(String id) throws Exception {
        Api.Reply ics = Api.get("/api/livestream/" + id + "/calendar.ics").expect(200);
        return (VEvent) new CalendarBuilder().build(new StringReader(ics.body())).getComponent("VEVENT").orElseThrow();
    }

    private static JsonObject stream(String id, String credentials) {
        return Api.get("/api/livestream/" + id, credentials).expect(200).json().getJsonObject("stream");
    }

    private static List<String> ids(String listing) {
        return Api.get(listing).expect(200).json().getJsonArray("streams").stream()
                .map(s -> s.asJsonObject().getString("id")).toList();
    }

    private static JsonObject webhook(WebhookReceiver receiver, String path, String streamId) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            WebhookReceiver.Received r = receiver.next(path, Duration.ofSeconds(25));
            JsonObject e = Json.createReader(new StringReader(r.body())).readObject();
            if (streamId.equals(e.getJsonObject("data").getString("streamId"))) {
                return e;
            }
        }
        throw new AssertionError("no webhook at " + path + " for " + streamId);
    }

    @Test
    void aRescheduledStreamMovesEverywhereAndACancelledOneLeavesEveryListing() throws Exception {
        String tag = tag();
        Instant at = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            Api.post("/api/webhooks", "{\"url\":\"" + receiver.url("/edit") + "\",\"events\":[\"stream.updated\","
                    + "\"stream.cancelled\"]}", ALICE).expect(201);
            String id = Api.post("/api/livestream/create", "{\"title\":\"All-hands\",\"scheduledAt\":\"" + at
                    + "\",\"tags\":[\"All-Hands\",\"" + tag + "\"],\"maxViewers\":300}", ALICE).expect(201).json()
                    .getString("streamId");
            JsonObject s = stream(id, ALICE);
            assertEquals(List.of("all-hands", tag), s.getJsonArray("tags").getValuesAs(JsonString::getString));
            assertEquals(300, s.getInt("maxViewers"));
            assertEquals(0, s.getInt("calendarSequence"));
            assertTrue(ids("/api/livestream/upcoming?limit=200&tag=" + tag).contains(id));
            assertFalse(ids("/api/livestream/upcoming?limit=200&tag=" + tag + "x").contains(id));
            Api.get("/api/livestream/upcoming?tag=not%20a%20tag").expectProblem(400);

            // refused: not the owner, nothing to change, bad tags, a time in the past
            String path = "/api/livestream/" + id;
            Api.send("PATCH", path, "{\"title\":\"Mine\"}", BOB).expectProblem(403);
            Api.send("PATCH", path, "{}", ALICE).expectProblem(400);
            Api.send("PATCH", path, "{\"tags\":[\"two words\"]}", ALICE).expectProblem(400);
            Api.send("PATCH", path, "{\"scheduledAt\":\"2020-01-01T00:00:00Z\"}", ALICE).expectProblem(400);
            Api.send("PATCH", path, "{\"maxViewers\":-1}", ALICE).expectProblem(400);
            assertEquals("All-hands", stream(id, ALICE).getString("title"), "nothing changed by a refusal");

            try (WsClient waiting = WsClient.viewer(id, BOB)) {
                Instant moved = at.plus(1, ChronoUnit.DAYS);
                JsonObject after = Api.send("PATCH", path, "{\"title\":\"All-hands (moved)\",\"scheduledAt\":\""
                        + moved + "\"}", ALICE).expect(200).json().getJsonObject("stream");
                assertEquals("All-hands (moved)", after.getString("title"));
                assertEquals(1, after.getInt("calendarSequence"));
                JsonObject told = waiting.await("stream:updated");
                assertEquals("All-hands (moved)", told.getString("title"));
                assertEquals(moved, Instant.parse(told.getString("scheduledAt")));

                VEvent event = event(id);
                assertEquals("1", event.getProperty("SEQUENCE").orElseThrow().getValue());
                assertEquals(moved, Instant.from(event.getDateTimeStart().getDate()));
                JsonObject updated = webhook(receiver, "/edit", id);
                assertEquals("stream.updated", updated.getString("type"));
                assertEquals(List.of("title", "scheduledAt"),
                        updated.getJsonObject("data").getJsonArray("changed").getValuesAs(JsonString::getString));

                Api.send("DELETE", path, null, BOB).expectProblem(403);
                Api.send("DELETE", path, null, ALICE).expect(204);
                waiting.await("stream:cancelled");
                assertEquals(1000, waiting.awaitClose(WsClient.WAIT));
            }
            assertEquals("cancelled", stream(id, null).getString("status"));
            assertFalse(ids("/api/livestream/upcoming?limit=200").contains(id));
            assertFalse(ids("/api/livestream/user/alice?limit=200").contains(id));
            VEvent cancelled = event(id);
            assertEquals("CANCELLED", cancelled.getProperty("STATUS").orElseThrow().getValue());
            assertEquals("2", cancelled.getProperty("SEQUENCE").orElseThrow().getValue());
            assertEquals("stream.cancelled", webhook(receiver, "/edit", id).getString("type"));

            Api.send("PATCH", path, "{\"title\":\"Back\"}", ALICE).expectProblem(409);
            Api.post(path + "/start", null, ALICE).expectProblem(409);
            Api.post(path + "/join", null, null).expectProblem(409);
            try (WsClient late = WsClient.connect(id, BOB)) {
                late.send("{\"type\":\"stream:join\",\"role\":\"viewer\"}");
                late.awaitError("stream-cancelled");
            }
            Api.send("DELETE", path, null, ALICE).expect(204); // cancelling again changes nothing
        }
    }

    @Test
    void aLiveStreamKeepsItsTimeTakesANewTitleAndAdmitsNoMoreThanItsLimitButItsStaff() {
        String tag = tag();
        JsonObject created = Api.post("/api/livestream/create", "{\"title\":\"Town hall\",\"tags\":[\"" + tag
                + "\"],\"maxViewers\":1}", ALICE).expect(201).json();
        String id = created.getString("streamId");
        String path = "/api/livestream/" + id;
        Api.post(path + "/start", null, ALICE).expect(200);
        assertEquals(List.of(id), ids("/api/livestream/active?tag=" + tag));

        Api.send("DELETE", path, null, ALICE).expectProblem(409);
        Api.send("PATCH", path, "{\"scheduledAt\":\"" + Instant.now().plus(1, ChronoUnit.DAYS) + "\"}", ALICE)
                .expectProblem(409);
        Api.send("PATCH", path, "{\"recordingEnabled\":true}", ALICE).expectProblem(409);
        assertEquals("Town hall, live", Api.send("PATCH", path, "{\"title\":\"Town hall, live\"}", ALICE).expect(200)
                .json().getJsonObject("stream").getString("title"));

        try (WsClient first = WsClient.viewer(id, null)) {
            assertTrue(first.joined().containsKey("viewerId"), "the first viewer fits");
            assertTrue(Api.post(path + "/join", null, null).expectProblem(409).getString("detail").contains("full"));
            try (WsClient second = WsClient.connect(id, BOB)) {
                second.send("{\"type\":\"stream:join\",\"role\":\"viewer\"}");
                second.awaitError("full");
            }
            try (WsClient owner = WsClient.viewer(id, ALICE); WsClient moderator = WsClient.viewer(id, DAVE)) {
                assertTrue(owner.joined().containsKey("viewerId"), "the owner always gets in");
                assertTrue(moderator.joined().containsKey("viewerId"), "a moderator always gets in");
            }
            // the owner lifts the limit: the next viewer gets in
            Api.send("PATCH", path, "{\"maxViewers\":0}", ALICE).expect(200);
            Api.post(path + "/join", null, BOB).expect(200);
        }
        Api.post(path + "/end", null, ALICE).expect(200);
        Api.send("PATCH", path, "{\"maxViewers\":5}", ALICE).expectProblem(409);
        assertEquals("For the recording", Api.send("PATCH", path, "{\"title\":\"For the recording\"}", ALICE)
                .expect(200).json().getJsonObject("stream").getString("title"));
    }

    @Test
    void theConsoleChangesAndCancelsAStreamAndAWaitingViewerSeesBoth() throws Exception {
        String tag = tag();
        String title = "Offsite " + System.nanoTime();
        String id = Api.post("/api/livestream/create", "{\"title\":\"" + title + "\",\"scheduledAt\":\""
                + Instant.now().plus(1, ChronoUnit.DAYS) + "\"}", ALICE).expect(201).json().getString("streamId");
        try (Browser viewer = Browser.launch(); Browser alice = Browser.launch()) {
            viewer.open("/watch/" + id);
            viewer.waitFor("the waiting room", d -> "scheduled".equals(viewer.el("state").getAttribute("data-state")) ? true : null);
            alice.signIn("alice", "alice-demo").open("/console");
            alice.waitFor("the stream's Edit button", d -> Boolean.TRUE.equals(alice.js(
                    "const li = [...document.querySelectorAll('#my-streams li')].find(x => x.textContent.includes(arguments[0]));"
                            + "const b = li && [...li.querySelectorAll('button')].find(x => x.textContent === 'Edit');"
                            + "if (!b) return false; b.click(); return true;", title)) ? true : null);
            alice.el("edit-title").clear();
            alice.el("edit-title").sendKeys(title + " (moved)");
            alice.el("edit-tags").sendKeys("Q4, " + tag);
            alice.el("edit-save").click();
            viewer.waitFor("the new title on the viewer's page", d -> (title + " (moved)").equals(viewer.text("title")) ? true : null);
            assertEquals(List.of("q4", tag), stream(id, null).getJsonArray("tags").getValuesAs(JsonString::getString));

            viewer.open("/?tag=" + tag);
            viewer.waitFor("the stream under its tag", d -> viewer.text("upcoming").contains(title + " (moved)") ? true : null);
            viewer.open("/watch/" + id);
            viewer.waitFor("the waiting room again", d -> Boolean.TRUE.equals(viewer.js("return window.relaycastWatch?.sig?.joined")) ? true : null);

            alice.waitFor("the Edit button again", d -> Boolean.TRUE.equals(alice.js(
                    "const li = [...document.querySelectorAll('#my-streams li')].find(x => x.textContent.includes(arguments[0]));"
                            + "const b = li && [...li.querySelectorAll('button')].find(x => x.textContent === 'Edit');"
                            + "if (!b) return false; b.click(); return true;", title + " (moved)")) ? true : null);
            alice.el("edit-cancel-stream").click();
            alice.el("cancel-confirm-button").click();
            viewer.waitFor("the viewer told it was cancelled", d -> "cancelled".equals(viewer.el("state").getAttribute("data-state")) ? true : null);
            assertEquals("cancelled", stream(id, null).getString("status"));
        }
    }
}
