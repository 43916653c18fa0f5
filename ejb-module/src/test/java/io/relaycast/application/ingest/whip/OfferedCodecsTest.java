package io.relaycast.application.ingest.whip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.relaycast.application.ingest.EncoderInput;
import org.junit.jupiter.api.Test;

class OfferedCodecsTest {

    @Test
    void theEncodersFirstChoiceOfEachKind() {
        String obs = "v=0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=rtpmap:111 opus/48000/2\r\n"
                + "m=video 9 UDP/TLS/RTP/SAVPF 96 97\r\na=rtpmap:96 H264/90000\r\na=rtpmap:97 rtx/90000\r\n";
        EncoderInput in = OfferedCodecs.of(obs);
        assertEquals("h264", in.videoCodec());
        assertEquals("opus", in.audioCodec());
        assertEquals(0, in.warnings().size());
    }

    @Test
    void noAudioIsSaid() {
        EncoderInput in = OfferedCodecs.of("v=0\nm=video 9 UDP/TLS/RTP/SAVPF 96\na=rtpmap:96 VP8/90000\n");
        assertEquals("vp8", in.videoCodec());
        assertNull(in.audioCodec());
        assertEquals(1, in.warnings().size());
        assertNull(OfferedCodecs.first("v=0\nm=video 9 UDP/TLS/RTP/SAVPF\n", "video"));
    }
}
