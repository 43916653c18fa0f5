package io.relaycast.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.relaycast.domain.model.caption.CaptionLine;
import io.relaycast.domain.model.stream.StreamId;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaptionTrackTest {

    private static CaptionLine at(long millis, String text) {
        return new CaptionLine(StreamId.of("s"), millis, text, "alice");
    }

    @Test
    void eachLineLastsUntilTheNextAtMostFourSecondsAndStaysText() {
        String vtt = CaptionTrackResource.vtt(List.of(at(1_500, "Hello <b>all</b>"), at(3_000, "A --> B & C"),
                at(3_723_010, "Later")));
        assertEquals("""
                WEBVTT

                1
                00:00:01.500 --> 00:00:03.000
                Hello &lt;b&gt;all&lt;/b&gt;

                2
                00:00:03.000 --> 00:00:07.000
                A --&gt; B &amp; C

                3
                01:02:03.010 --> 01:02:07.010
                Later
                """, vtt);
        assertEquals("WEBVTT\n", CaptionTrackResource.vtt(List.of()));
        assertEquals("one\ntwo", CaptionTrackResource.escape("one\n\n  \ntwo"), "a blank line would end the cue");
    }
}
