package io.relaycast.infrastructure.hls;

import io.relaycast.application.delivery.sfu.RtpTarget;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What ffmpeg is told for one ladder: an SDP describing the forwarded RTP (live) or the finished
 * recording (VOD), and a command that decodes it once and encodes two H.264/AAC renditions — up to
 * 720p, and up to 360p at half the height or less, so there are two even from a small camera — as
 * fMP4 HLS with 2-second segments.
 */
final class LadderCommand {

    static final int AUDIO_PT = 111;
    static final int VIDEO_PT = 96;
    /** RTP names ffmpeg depacketizes, by the SFU's codec names. */
    private static final Map<String, String> RTP_NAMES = Map.of("vp8", "VP8", "vp9", "VP9", "h264", "H264");

    private LadderCommand() {
    }

    static boolean supports(String videoCodec) {
        return RTP_NAMES.containsKey(videoCodec.toLowerCase(Locale.ROOT));
    }

    static String sdp(RtpTarget target, String videoCodec) {
        String name = RTP_NAMES.get(videoCodec.toLowerCase(Locale.ROOT));
        return String.join("\r\n", "v=0", "o=- 0 0 IN IP4 " + target.host(), "s=Relaycast HLS", "c=IN IP4 " + target.host(),
                "t=0 0",
                "m=audio " + target.audioPort() + " RTP/AVP " + AUDIO_PT, "a=rtpmap:" + AUDIO_PT + " opus/48000/2",
                "m=video " + target.videoPort() + " RTP/AVP " + VIDEO_PT, "a=rtpmap:" + VIDEO_PT + " " + name + "/90000",
                "H264".equals(name) ? "a=fmtp:" + VIDEO_PT + " packetization-mode=1" : "", "");
    }

    /**
     * The live command: segment numbers from the clock and an init file named by the start, so a
     * ladder restarted for a new publication never reuses a name a player or CDN cached.
     */
    static List<String> command(Path sdp, Path dir, long startMillis) {
        List<String> c = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-nostats", "-loglevel", "error",
                "-protocol_whitelist", "file,udp,rtp", "-fflags", "+genpts+nobuffer", "-reorder_queue_size", "200",
                "-analyzeduration", "15000000", "-probesize", "20000000", "-i", sdp.toString()));
        c.addAll(ladder("veryfast", true));
        c.addAll(List.of("-hls_list_size", "6",
                "-hls_flags", "independent_segments+delete_segments+program_date_time+temp_file",
                "-hls_start_number_source", "epoch", "-hls_fmp4_init_filename", "init-" + startMillis + "_%v.mp4"));
        c.addAll(outputs(dir, true));
        return c;
    }

    /**
     * The VOD command: the finished recording (a file, or {@code -} for the standard input), every
     * segment listed; without audio where the recording has none.
     */
    static List<String> vodCommand(String input, Path dir, boolean audio) {
        List<String> c = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-nostats", "-loglevel", "error",
                "-i", "-".equals(input) ? "pipe:0" : input));
        c.addAll(ladder("faster", audio));
        c.addAll(List.of("-hls_playlist_type", "vod", "-hls_list_size", "0", "-hls_flags", "independent_segments",
                "-hls_fmp4_init_filename", "init_%v.mp4"));
        c.addAll(outputs(dir, audio));
        return c;
    }

    /** Decode once, two sizes, H.264 with a keyframe every 2 s (a segment each), AAC. */
    private static List<String> ladder(String preset, boolean audio) {
        List<String> c = new ArrayList<>(List.of("-filter_complex", "[0:v]split=2[s0][s1];[s0]scale=-2:'min(720,ih)'[v0];"
                        + "[s1]scale=-2:'trunc(min(360,ih/2)/2)*2'[v1]", "-map", "[v0]", "-map", "[v1]"));
        if (audio) {
            c.addAll(List.of("-map", "0:a", "-map", "0:a", "-c:a", "aac", "-b:a", "128k", "-ac", "2"));
        }
        c.addAll(List.of("-c:v", "libx264", "-preset", preset, "-tune", "zerolatency", "-pix_fmt", "yuv420p",
                "-force_key_frames", "expr:gte(t,n_forced*2)", "-sc_threshold", "0",
                "-b:v:0", "2000k", "-maxrate:v:0", "2400k", "-bufsize:v:0", "4000k",
                "-b:v:1", "600k", "-maxrate:v:1", "720k", "-bufsize:v:1", "1200k",
                "-f", "hls", "-hls_time", "2", "-hls_segment_type", "fmp4", "-master_pl_name", "master.m3u8"));
        return c;
    }

    private static List<String> outputs(Path dir, boolean audio) {
        return List.of("-hls_segment_filename", dir.resolve("v%v").resolve("seg%d.m4s").toString(),
                "-var_stream_map", audio ? "v:0,a:0 v:1,a:1" : "v:0 v:1", dir.resolve("v%v").resolve("index.m3u8").toString());
    }
}
