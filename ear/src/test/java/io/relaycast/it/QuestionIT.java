package io.relaycast.it;

import static io.relaycast.it.Api.ALICE;
import static io.relaycast.it.Api.BOB;
import static io.relaycast.it.Api.CAROL;
import static io.relaycast.it.Api.DAVE;
import static io.relaycast.it.Api.ERIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Moderated Q&A: viewers ask (anonymously to others, never to moderators), upvote once (again takes
 * it back), staff approve, dismiss and answer one at a time; the room sees it live; a viewer's page
 * and the owner's console both show the question being answered.
 */
class QuestionIT {

    private static String qs(String streamId) {
        return "/api/livestream/" + streamId + "/questions";
    }

    private static List<JsonObject> list(String streamId, String who, String query) {
        return Api.get(qs(streamId) + query, who).expect(200).json().getJsonArray("questions").getValuesAs(JsonObject.class);
    }

    @Test
    void askUpvoteModerateAndTheRoomFollows() throws Exception {
        String id = SignalingNegotiationIT.liveStream("Q&A").getString("streamId");
        Api.post(qs(id), "{\"text\":\"Why?\"}", null).expectProblem(401);
        Api.post(qs(id), "{\"text\":\"  \"}", CAROL).expectProblem(400);
        Api.post(qs(id), "{\"text\":\"" + "x".repeat(501) + "\"}", CAROL).expectProblem(400);
        try (WsClient viewer = WsClient.viewer(id, null)) {
            JsonObject q1 = Api.post(qs(id), "{\"text\":\"When do we ship <b>v2</b>?\",\"anonymous\":true}", CAROL)
                    .expect(201).json();
            String q1id = q1.getString("id");
            assertEquals("approved", q1.getString("state"), "not moderated: approved at once");
            JsonObject added = viewer.await(m -> "question:added".equals(m.getString("type")), "question added");
            assertEquals("When do we ship <b>v2</b>?", added.getString("text"));
            assertTrue(added.isNull("author"), "anonymous to other viewers: " + added);
            assertEquals("carol", list(id, DAVE, "").get(0).getString("author"), "never to moderators");
            JsonObject seenByBob = list(id, BOB, "").get(0);
            assertTrue(!seenByBob.containsKey("author") || seenByBob.isNull("author"), "nor to other viewers: " + seenByBob);

            String q2id = Api.post(qs(id), "{\"text\":\"Lunch?\"}", BOB).expect(201).json().getString("id");
            assertTrue(Api.post(qs(id) + "/" + q1id + "/vote", null, BOB).expect(200).json().getBoolean("votedByMe"));
            Api.post(qs(id) + "/" + q1id + "/vote", null, ERIN).expect(200);
            JsonObject back = Api.post(qs(id) + "/" + q1id + "/vote", null, ERIN).expect(200).json();
            assertFalse(back.getBoolean("votedByMe"), "a second upvote takes it back");
            assertEquals(1, back.getInt("votes"));
            viewer.await(m -> "question:votes".equals(m.getString("type"))
                    && m.getJsonObject("votes").getInt(q1id, -1) == 1, "the upvotes, batched");
            assertEquals(q1id, list(id, CAROL, "?sort=top").get(0).getString("id"), "most upvoted first");
            assertEquals(q2id, list(id, CAROL, "?sort=new").get(0).getString("id"), "newest first");
            Api.get(qs(id) + "?sort=loud", CAROL).expectProblem(400);

            Api.send("PUT", qs(id) + "/" + q1id, "{\"state\":\"answering\"}", BOB).expectProblem(403);
            Api.send("PUT", qs(id) + "/" + q1id, "{\"state\":\"pending\"}", DAVE).expectProblem(400);
            Api.send("PUT", qs(id) + "/" + q1id, "{\"state\":\"answering\"}", DAVE).expect(200);
            viewer.await(m -> "question:updated".equals(m.getString("type")) && "answering".equals(m.getString("state")),
                    "now answering");
            Api.send("PUT", qs(id) + "/" + q2id, "{\"state\":\"answering\"}", ALICE).expect(200);
            assertEquals("answered", list(id, CAROL, "?state=answered").get(0).getString("state"), "one at a time");
            Api.post(qs(id) + "/" + q1id + "/vote", null, ERIN).expectProblem(409);
            Api.send("PUT", qs(id) + "/" + q2id, "{\"state\":\"dismissed\"}", ALICE).expect(200);
            viewer.await(m -> "question:removed".equals(m.getString("type")) && q2id.equals(m.getString("id")), "dismissed");
            assertEquals(1, list(id, CAROL, "").size(), "viewers no longer see a dismissed question");
            assertEquals(2, list(id, ALICE, "").size(), "staff do");
            Api.send("PUT", qs(id) + "/no-such-question", "{\"state\":\"approved\"}", ALICE).expectProblem(404);
        }
    }

    @Test
    void aModeratedQaHoldsQuestionsUntilApproved() {
        String id = SignalingNegotiationIT.liveStream("Moderated Q&A").getString("streamId");
        Api.send("PUT", qs(id) + "/settings", "{\"moderated\":true,\"anonymousAllowed\":false}", BOB).expectProblem(403);
        Api.send("PUT", qs(id) + "/settings", "{\"moderated\":true,\"anonymousAllowed\":false}", ALICE).expect(200);
        Api.post(qs(id), "{\"text\":\"Hidden?\",\"anonymous\":true}", CAROL).expectProblem(400);
        String q = Api.post(qs(id), "{\"text\":\"Held?\"}", CAROL).expect(201).json().getString("id");
        assertEquals(0, list(id, BOB, "").size(), "waiting for approval: not for other viewers");
        assertEquals("pending", list(id, CAROL, "").get(0).getString("state"), "its author sees it");
        Api.post(qs(id) + "/" + q + "/vote", null, BOB).expectProblem(404);
        Api.send("PUT", qs(id) + "/" + q, "{\"state\":\"approved\"}", ALICE).expect(200);
        assertEquals(1, list(id, BOB, "").size());
    }

    @Test
    void aViewerAsksOthersUpvoteAModeratorAnswersAndEveryPageShowsIt() throws Exception {
        JsonObject s = Api.createStream(ALICE, "Q&A pages " + System.nanoTime());
        String id = s.getString("streamId");
        try (Browser carol = Browser.launch(); Browser console = Browser.launch()) {
            console.signIn("alice", "alice-demo").open("/console");
            console.waitFor("the stream offered", d -> d.findElements(By.cssSelector(
                    "li[data-stream-id='" + id + "'] button")).isEmpty() ? null : Boolean.TRUE);
            console.driver.findElement(By.cssSelector("li[data-stream-id='" + id + "'] button")).click();
            console.waitFor("the studio joined", d -> console.js("return window.relaycastConsole.session?.sig?.joined")
                    == Boolean.TRUE ? true : null);
            carol.signIn("carol", "carol-demo").open("/watch/" + id);
            carol.waitFor("the page joined", d -> carol.js("return window.relaycastWatch.sig?.joined") == Boolean.TRUE ? true : null);
            carol.el("qa-input").sendKeys("Will the all-hands be recorded?");
            carol.el("qa-ask").click();
            String qid = carol.waitFor("her question listed", Duration.ofSeconds(15), d -> (String) carol.js(
                    "return document.querySelector('#qa-list li')?.dataset.questionId")).toString();
            Api.post(qs(id) + "/" + qid + "/vote", null, BOB).expect(200);
            carol.waitFor("bob's upvote shown", Duration.ofSeconds(15), d -> carol.driver.findElement(
                    By.cssSelector("#qa-list li .upvote")).getText().equals("▲ 1") ? true : null);
            Api.send("PUT", qs(id) + "/" + qid, "{\"state\":\"answering\"}", DAVE).expect(200);
            for (Browser b : new Browser[] {carol, console}) {
                b.waitFor("now answering", Duration.ofSeconds(15), d -> b.text("qa-answering")
                        .equals("Now answering: Will the all-hands be recorded?") ? true : null);
            }
        }
    }
}
