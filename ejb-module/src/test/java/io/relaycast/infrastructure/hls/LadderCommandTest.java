package io.relaycast.infrastructure.hls;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.relaycast.application.delivery.sfu.RtpTarget;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LadderCommandTest {

    private static final RtpTarget TARGET = new RtpTarget("127.0.0.1", 40000, 40002, LadderCommand.AUDIO_PT,
            LadderCommand.VIDEO_PT);

    @Test
    void theSdpDescribesWhatTheSfuForwards() {
        String vp8 = LadderCommand.sdp(TARGET, "vp8");
        assertTrue(vp8.contains("m=audio 40000 RTP/AVP 111\r\na=rtpmap:111 opus/48000/2"), vp8);
        assertTrue(vp8.contains("m=video 40002 RTP/AVP 96\r\na=rtpmap:96 VP8/90000"), vp8);
        assertTrue(LadderCommand.sdp(TARGET, "h264").contains("a=rtpmap:96 H264/90000\r\na=fmtp:96 packetization-mode=1"));
        assertFalse(LadderCommand.supports("av1"));
    }

    @Test
    void twoRenditionsOfTwoSecondFmp4SegmentsNamedSoThatARestartNeverReusesAName() {
        List<String> c = LadderCommand.command(Path.of("/x/publication.sdp"), Path.of("/x"), 1733400000000L);
        String line = String.join(" ", c);
        assertTrue(line.contains("-var_stream_map v:0,a:0 v:1,a:1"), line);
        assertTrue(line.contains("-hls_time 2") && line.contains("-hls_segment_type fmp4"), line);
        assertTrue(line.contains("-hls_start_number_source epoch"), line);
        assertTrue(line.contains("-hls_fmp4_init_filename init-1733400000000_%v.mp4"), line);
        assertTrue(line.contains("-master_pl_name master.m3u8"), line);
    }

    @Test
    void aRecordingWithoutSoundGetsAVideoOnlyLadderEverySegmentListed() {
        String silent = String.join(" ", LadderCommand.vodCommand("/x/recording.webm", Path.of("/y"), false));
        assertTrue(silent.contains("-var_stream_map v:0 v:1") && !silent.contains("0:a"), silent);
        assertTrue(silent.contains("-hls_playlist_type vod") && silent.contains("-hls_list_size 0"), silent);
        String sound = String.join(" ", LadderCommand.vodCommand("-", Path.of("/y"), true));
        assertTrue(sound.contains("-i pipe:0") && sound.contains("-var_stream_map v:0,a:0 v:1,a:1"), sound);
    }
}
