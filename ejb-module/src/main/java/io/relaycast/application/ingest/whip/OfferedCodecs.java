package io.relaycast.application.ingest.whip;

import io.relaycast.application.ingest.EncoderInput;
import java.util.Locale;

/**
 * What a WHIP encoder offers to send, from its SDP: the first codec of its video and of its audio
 * section (the encoder's preference; the SFU room takes VP8, H.264 and Opus). Nothing is re-encoded.
 */
final class OfferedCodecs {

    private OfferedCodecs() {
    }

    static EncoderInput of(String sdp) {
        return new EncoderInput(first(sdp, "video"), null, null, null, null, null, first(sdp, "audio"), false);
    }

    /** The codec of the first payload type of the first m= line of this kind, lower-case, or null. */
    static String first(String sdp, String kind) {
        String[] lines = sdp.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].startsWith("m=" + kind + " ")) {
                continue;
            }
            String[] m = lines[i].split(" ");
            if (m.length < 4) {
                return null;
            }
            String rtpmap = "a=rtpmap:" + m[3] + " ";
            for (int j = i + 1; j < lines.length && !lines[j].startsWith("m="); j++) {
                if (lines[j].startsWith(rtpmap)) {
                    String codec = lines[j].substring(rtpmap.length()).split("/")[0].toLowerCase(Locale.ROOT);
                    return codec.matches("[a-z0-9-]{1,20}") ? codec : null;
                }
            }
            return null;
        }
        return null;
    }
}
