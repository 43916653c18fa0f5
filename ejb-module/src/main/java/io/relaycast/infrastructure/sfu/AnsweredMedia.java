package io.relaycast.infrastructure.sfu;

import io.relaycast.application.delivery.sfu.PublishedMedia;
import java.util.Locale;
import java.util.Optional;

/** Reads what a publisher sends from the SFU's answer to its offer: each stream's mid and the codec chosen. */
final class AnsweredMedia {

    private AnsweredMedia() {
    }

    /** The audio and video mids and the video codec of an answer; empty unless it has both media. */
    static Optional<PublishedMedia> of(String sdp) {
        String audioMid = null;
        String videoMid = null;
        String videoCodec = null;
        boolean simulcast = false;
        for (String section : sdp.split("\r?\nm=")) {
            String kind = section.startsWith("m=") ? section.substring(2) : section;
            String[] mLine = kind.split("\r?\n", 2)[0].split(" ");
            if (mLine.length < 4 || "0".equals(mLine[1])) {
                continue; // a session part, or a rejected stream
            }
            String mid = attribute(section, "mid:");
            if (kind.startsWith("audio")) {
                audioMid = mid;
            } else if (kind.startsWith("video")) {
                videoMid = mid;
                String rtpmap = attribute(section, "rtpmap:" + mLine[3] + " ");
                videoCodec = rtpmap == null ? null : rtpmap.split("/")[0].toLowerCase(Locale.ROOT);
                simulcast = attribute(section, "simulcast:") != null; // Janus took the layers (rid)
            }
        }
        return audioMid == null || videoMid == null || videoCodec == null ? Optional.empty()
                : Optional.of(new PublishedMedia(audioMid, videoMid, videoCodec, simulcast));
    }

    private static String attribute(String section, String name) {
        for (String line : section.split("\r?\n")) {
            if (line.startsWith("a=" + name)) {
                return line.substring(2 + name.length()).trim();
            }
        }
        return null;
    }

    /** The video stream's mid in a subscriber's join event (for choosing its simulcast layer). */
    static Optional<String> videoMidOf(jakarta.json.JsonObject event) {
        jakarta.json.JsonObject data = event.getJsonObject("plugindata").getJsonObject("data");
        if (!data.containsKey("streams")) {
            return Optional.empty();
        }
        return data.getJsonArray("streams").getValuesAs(jakarta.json.JsonObject.class).stream()
                .filter(s -> "video".equals(s.getString("type", ""))).findFirst().map(s -> s.getString("mid"));
    }
}
