package io.relaycast.application.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * What an encoder sends (null where unknown: the RTMP bridge probes it, a WHIP offer names its
 * codecs) and whether the server re-encodes it; {@link #warnings()} says what to change on the encoder.
 */
public record EncoderInput(String videoCodec, String profile, Integer width, Integer height, Double framesPerSecond,
                           Boolean bFrames, String audioCodec, boolean transcoded) {

    public List<String> warnings() {
        List<String> w = new ArrayList<>();
        if (transcoded && videoCodec != null && !"h264".equals(videoCodec)) {
            w.add("The encoder sends " + videoCodec + ", which browsers cannot take from the SFU: the server "
                    + "re-encodes it to H.264 (set the encoder to H.264, x264 or a hardware H.264 encoder).");
        } else if (transcoded && Boolean.TRUE.equals(bFrames)) {
            w.add("The encoder sends B-frames, which WebRTC players do not take: the server re-encodes the video "
                    + "(set B-frames to 0; in OBS with x264: x264 options bframes=0, or the Baseline profile).");
        }
        if (videoCodec == null) {
            w.add("No video from the encoder.");
        }
        if (audioCodec == null) {
            w.add("No audio from the encoder.");
        }
        if (framesPerSecond != null && framesPerSecond > 60.5) {
            w.add("Over 60 frames a second: browsers on weak devices will drop frames (30 is plenty for talks).");
        }
        if (height != null && height > 1080) {
            w.add("Above 1080p: more than most viewers' connections carry; 1080p or 720p is recommended.");
        }
        return w;
    }
}
