package io.relaycast.infrastructure.sfu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.relaycast.application.delivery.sfu.PublishedMedia;
import org.junit.jupiter.api.Test;

class AnsweredMediaTest {

    /** The shape of Janus 1.1.2's answer to a Chromium publisher (abridged). */
    private static final String ANSWER = String.join("\r\n", "v=0", "o=- 123 1 IN IP4 198.18.0.1", "s=VideoRoom 1",
            "t=0 0", "a=group:BUNDLE 0 1", "m=audio 9 UDP/TLS/RTP/SAVPF 111", "c=IN IP4 198.18.0.1", "a=recvonly",
            "a=mid:0", "a=rtpmap:111 opus/48000/2", "m=video 9 UDP/TLS/RTP/SAVPF 96 97", "c=IN IP4 198.18.0.1",
            "a=recvonly", "a=mid:1", "a=rtpmap:96 VP8/90000", "a=rtpmap:97 rtx/90000", "");

    @Test
    void readsTheMidsAndTheVideoCodecJanusChose() {
        assertEquals(new PublishedMedia("0", "1", "vp8", false), AnsweredMedia.of(ANSWER).orElseThrow());
        assertEquals(new PublishedMedia("0", "1", "h264", false),
                AnsweredMedia.of(ANSWER.replace("VP8/90000", "H264/90000")).orElseThrow());
        assertEquals(new PublishedMedia("0", "1", "vp8", true), AnsweredMedia.of(ANSWER.replace("a=mid:1",
                "a=mid:1\r\na=rid:h recv\r\na=rid:m recv\r\na=simulcast:recv h;m")).orElseThrow(), "simulcast layers");
    }

    @Test
    void aPublicationWithoutVideoOrWithItRejectedHasNothingToForward() {
        assertTrue(AnsweredMedia.of(ANSWER.replace("m=video 9 ", "m=video 0 ")).isEmpty());
        assertTrue(AnsweredMedia.of(ANSWER.substring(0, ANSWER.indexOf("m=video"))).isEmpty());
    }
}
