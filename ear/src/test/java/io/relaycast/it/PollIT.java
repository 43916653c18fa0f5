package io.relaycast.it;

import static io.relaycast.it.Api.ALICE;
import static io.relaycast.it.Api.BOB;
import static io.relaycast.it.Api.CAROL;
import static io.relaycast.it.Api.DAVE;
import static io.relaycast.it.Api.ERIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Polls: staff draft, open and close them; signed-in viewers vote once (also when the same person's
 * votes arrive at once); the room sees the results live (poll:update), a viewer's page draws them;
 * bad requests are problems.
 */
class PollIT {

    private static final String LUNCH = "{\"question\":\"Lunch?\",\"options\":[\"Pizza\",\"Salad\",\"Sushi\"]}";

    private static String polls(String streamId) {
        return "/api/livestream/" + streamId + "/polls";
    }

    @Test
    void staffRunPollsViewersVoteOnceAndTheRoomSeesTheResults() throws Exception {
        String id = SignalingNegotiationIT.liveStream("Polls").getString("streamId");
        Api.post(polls(id), LUNCH, BOB).expectProblem(403);
        Api.post(polls(id), LUNCH, null).expectProblem(401);
        Api.post(polls(id), "{\"question\":\"Lunch?\",\"options\":[\"Pizza\"]}", ALICE).expectProblem(400);
        Api.post(polls(id), "{\"question\":\"Lunch?\",\"options\":[\"a\",\"b\",\"c\",\"d\",\"e\",\"f\",\"g\"]}", ALICE).expectProblem(400);
        Api.post(polls(id), "{\"question\":\"Lunch?\",\"options\":[\"Pizza\",\"pizza\"]}", ALICE).expectProblem(400);
        Api.post(polls(id), "{\"question\":\" \",\"options\":[\"Pizza\",\"Salad\"]}", ALICE).expectProblem(400);
        String poll = Api.post(polls(id), LUNCH, DAVE).expect(201).json().getString("id"); // a moderator may
        Api.get(polls(id) + "/" + poll, CAROL).expectProblem(404); // a draft is the staff's
        assertEquals(0, Api.get(polls(id), CAROL).expect(200).json().getJsonArray("polls").size());

        try (WsClient viewer = WsClient.viewer(id, CAROL)) {
            assertEquals("open", Api.post(polls(id) + "/" + poll + "/open", null, ALICE).expect(200).json().getString("state"));
            JsonObject opened = viewer.await(m -> "poll:update".equals(m.getString("type")), "poll opened");
            assertEquals("Lunch?", opened.getString("question"));
            assertEquals("open", opened.getString("state"));
            Api.post(polls(id) + "/" + poll + "/open", null, ALICE).expectProblem(409);

            Api.post(polls(id) + "/" + poll + "/vote", "{\"option\":1}", CAROL).expect(204);
            Api.post(polls(id) + "/" + poll + "/vote", "{\"option\":2}", CAROL).expectProblem(409);
            Api.post(polls(id) + "/" + poll + "/vote", "{\"option\":1}", BOB).expect(204);
            Api.post(polls(id) + "/" + poll + "/vote", "{\"option\":0}", DAVE).expect(204);
            Api.post(polls(id) + "/" + poll + "/vote", "{\"option\":0}", null).expectProblem(401);
            Api.post(polls(id) + "/" + poll + "/vote", "{\"option\":3}", ERIN).expectProblem(400);
            Api.post(polls(id) + "/" + poll + "/vote", "{}", ERIN).expectProblem(400);
            JsonObject results = viewer.await(m -> "poll:update".equals(m.getString("type"))
                    && "[1,2,0]".equals(m.getJsonArray("votes").toString()), "the votes, batched");
            assertEquals("open", results.getString("state"));

            Api.post(polls(id) + "/" + poll + "/close", null, BOB).expectProblem(403);
            Api.post(polls(id) + "/" + poll + "/close", null, ALICE).expect(200);
            viewer.await(m -> "poll:update".equals(m.getString("type")) && "closed".equals(m.getString("state")), "closed");
            Api.post(polls(id) + "/" + poll + "/vote", "{\"option\":0}", ERIN).expectProblem(409);
        }
        JsonObject closed = Api.get(polls(id) + "/" + poll, CAROL).expect(200).json();
        assertEquals("[1,2,0]", closed.getJsonArray("votes").toString());
        assertEquals("closed", closed.getString("state"));
        Api.get(polls(id) + "/no-such-poll", CAROL).expectProblem(404);
    }

    @Test
    void oneVotePerPersonAlsoWhenTheVotesArriveAtOnce() throws Exception {
        String id = SignalingNegotiationIT.liveStream("Poll race").getString("streamId");
        String poll = Api.post(polls(id), LUNCH, ALICE).expect(201).json().getString("id");
        Api.post(polls(id) + "/" + poll + "/open", null, ALICE).expect(200);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> votes = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                int option = i % 3;
                votes.add(() -> Api.post(polls(id) + "/" + poll + "/vote", "{\"option\":" + option + "}", ERIN).status());
            }
            int counted = 0;
            for (Future<Integer> f : pool.invokeAll(votes)) {
                int status = f.get();
                assertTrue(status == 204 || status == 409, "a vote is counted or refused, nothing else: " + status);
                counted += status == 204 ? 1 : 0;
            }
            assertEquals(1, counted);
        } finally {
            pool.shutdownNow();
        }
        JsonObject p = Api.get(polls(id) + "/" + poll, ERIN).expect(200).json();
        assertEquals(1, p.getJsonArray("votes").getValuesAs(jakarta.json.JsonNumber.class).stream()
                .mapToInt(jakarta.json.JsonNumber::intValue).sum());
    }

    @Test
    void aViewersPageShowsThePollAndItsResultsLive() throws Exception {
        String id = SignalingNegotiationIT.liveStream("Poll page").getString("streamId");
        String poll = Api.post(polls(id), LUNCH, ALICE).expect(201).json().getString("id");
        try (Browser carol = Browser.launch()) {
            carol.signIn("carol", "carol-demo").open("/watch/" + id);
            carol.waitFor("the page joined", d -> carol.js("return window.relaycastWatch.sig?.joined") == Boolean.TRUE ? true : null);
            Api.post(polls(id) + "/" + poll + "/open", null, ALICE).expect(200);
            carol.waitFor("the poll shown", Duration.ofSeconds(15), d -> "Lunch?".equals(carol.text("poll-question")) ? true : null);
            Api.post(polls(id) + "/" + poll + "/vote", "{\"option\":2}", BOB).expect(204);
            carol.waitFor("bob's vote drawn", Duration.ofSeconds(15), d -> carol.text("poll-note").startsWith("1 vote") ? true : null);
            carol.driver.findElements(By.cssSelector("#poll-options button")).get(2).click();
            carol.waitFor("her own vote counted", Duration.ofSeconds(15),
                    d -> carol.text("poll-note").startsWith("2 votes") && carol.text("poll-note").contains("you voted") ? true : null);
            assertEquals("0%", carol.js("return document.querySelector('#poll-options li:first-child .bar').style.width"));
            assertEquals("100%", carol.js("return document.querySelector('#poll-options li:last-child .bar').style.width"));
            // the bar chart (uPlot) follows every update: its data and a drawn canvas
            assertEquals("0,0,2", carol.js("return document.getElementById('poll-chart').dataset.votes"));
            assertEquals(Boolean.TRUE, carol.js("return !!document.querySelector('#poll-chart canvas')"));
            Api.post(polls(id) + "/" + poll + "/close", null, ALICE).expect(200);
        }
        try (Browser alice = Browser.launch()) { // the report page: every poll's results, as a table and a chart
            alice.signIn("alice", "alice-demo").open("/report/" + id);
            alice.waitFor("the poll's results", Duration.ofSeconds(15), d -> alice.text("poll-results").contains("Lunch?")
                    && alice.text("poll-results").contains("2 votes") ? true : null);
            assertEquals("0,0,2", alice.js("return document.querySelector('#poll-results .poll-chart').dataset.votes"));
        }
    }
}
