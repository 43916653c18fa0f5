package io.relaycast.it;

import static io.relaycast.it.Api.ALICE;
import static io.relaycast.it.Api.BOB;
import static io.relaycast.it.Api.CAROL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Live captions: the owner and the captioners she names write them while live; viewers get them
 * (and a viewer's page shows them as a captions text track); final lines become the WebVTT of the
 * recording, text escaped; interim text is not kept.
 */
class CaptionIT {

    private static String captions(String streamId) {
        return "/api/livestream/" + streamId + "/captions";
    }

    @Test
    void captionersWriteViewersReadAndTheRecordingKeepsTheFinalLines() throws Exception {
        JsonObject s = Api.createStream(ALICE, "Captions " + System.nanoTime());
        String id = s.getString("streamId");
        Api.post(captions(id), "{\"text\":\"Too early\",\"final\":true}", ALICE).expectProblem(409);
        Api.post("/api/livestream/" + id + "/start", null, ALICE).expect(200);
        try (WsClient viewer = WsClient.viewer(id, null)) {
            Api.post(captions(id), "{\"text\":\"Hello\"}", null).expectProblem(401);
            Api.post(captions(id), "{\"text\":\"Hello\"}", BOB).expectProblem(403);
            Api.post(captions(id), "{\"final\":true}", ALICE).expectProblem(400);
            Api.post(captions(id), "{\"text\":\"" + "x".repeat(501) + "\"}", ALICE).expectProblem(400);
            Api.post(captions(id), "{\"text\":\"Welcome to the <b>all-hands</b>\",\"final\":false}", ALICE).expect(204);
            JsonObject interim = viewer.await(m -> "caption".equals(m.getString("type")), "interim caption");
            assertFalse(interim.getBoolean("final"));
            Api.post(captions(id), "{\"text\":\"Welcome to the <b>all-hands</b> & Q&A\",\"final\":true}", ALICE).expect(204);
            assertTrue(viewer.await(m -> "caption".equals(m.getString("type")), "final caption").getBoolean("final"));

            Api.send("PUT", captions(id) + "/captioners", "{\"users\":[\"bob\"]}", BOB).expectProblem(403);
            Api.send("PUT", captions(id) + "/captioners", "{\"users\":[\"bob\",\"<x>\"]}", ALICE).expectProblem(400);
            Api.send("PUT", captions(id) + "/captioners", "{\"users\":[\"bob\"]}", ALICE).expect(200);
            Thread.sleep(20); // a later offset than the line before
            Api.post(captions(id), "{\"text\":\"Bob, our captioner, here\"}", BOB).expect(204);
            Api.post(captions(id), "{\"text\":\"Carol is not one\"}", CAROL).expectProblem(403);
        }
        Api.Reply vtt = Api.get(captions(id) + ".vtt", CAROL).expect(200);
        assertTrue(vtt.contentType().startsWith("text/vtt"), vtt.contentType());
        String text = vtt.body();
        assertTrue(text.startsWith("WEBVTT\n"), text);
        assertTrue(text.contains("Welcome to the &lt;b&gt;all-hands&lt;/b&gt; &amp; Q&amp;A"), text);
        assertTrue(text.indexOf("Welcome") < text.indexOf("Bob, our captioner"), text);
        assertFalse(text.contains("Welcome to the &lt;b&gt;all-hands&lt;/b&gt;\n"), "the interim line is not kept: " + text);
        assertEquals(2, text.split("-->").length - 1, text);
    }

    @Test
    void aViewersPageShowsTheCaptionsAsATextTrack() throws Exception {
        String id = SignalingNegotiationIT.liveStream("Captions page").getString("streamId");
        try (Browser viewer = Browser.launch()) {
            viewer.open("/watch/" + id);
            viewer.waitFor("the page joined", d -> viewer.js("return window.relaycastWatch.sig?.joined") == Boolean.TRUE ? true : null);
            Api.post(captions(id), "{\"text\":\"Good morning <i>everyone</i>\",\"final\":true}", ALICE).expect(204);
            viewer.waitFor("the caption cue", Duration.ofSeconds(15), d -> "Good morning &lt;i&gt;everyone&lt;/i&gt;".equals(viewer.js(
                    "const t = window.relaycastWatch.captions.track; return t && t.cues.length ? t.cues[t.cues.length - 1].text : null"))
                    ? true : null);
            assertEquals("showing", viewer.js("return window.relaycastWatch.captions.track.mode"));
            viewer.el("captions-toggle").click();
            assertEquals("hidden", viewer.js("return window.relaycastWatch.captions.track.mode"), "the viewer switches them off");
        }
    }
}
