package io.relaycast.interfaces.rtmp;

import io.relaycast.application.ingest.EncoderInput;
import io.relaycast.domain.model.shared.IpNetwork;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Who may call the RTMP callbacks, and what the bridge's form says about the encoder. */
final class RtmpCallers {

    private RtmpCallers() {
    }

    /** Comma-separated addresses and networks; IllegalArgumentException for an entry that is neither. */
    static List<IpNetwork> parse(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(IpNetwork::parse).toList();
    }

    /** From one of those addresses, directly: a request a proxy forwarded came from elsewhere. */
    static boolean allowed(HttpServletRequest req, List<IpNetwork> networks) {
        if (req.getHeader("Forwarded") != null || req.getHeader("X-Forwarded-For") != null) {
            return false;
        }
        Optional<byte[]> address = IpNetwork.literal(req.getRemoteAddr());
        return address.isPresent() && networks.stream().anyMatch(n -> n.contains(address.get()));
    }

    /** What the bridge probed: text from the encoder's stream, so only well-formed values are kept. */
    static EncoderInput input(HttpServletRequest req) {
        String b = req.getParameter("b_frames");
        return new EncoderInput(word(req.getParameter("video_codec")), word(req.getParameter("profile")),
                number(req.getParameter("width")), number(req.getParameter("height")),
                rate(req.getParameter("frame_rate")), b == null || b.isBlank() ? null : !"0".equals(b.strip()),
                word(req.getParameter("audio_codec")), !"yes".equals(req.getParameter("passed_through")));
    }

    private static String word(String s) {
        return s != null && s.matches("[A-Za-z0-9 ._-]{1,40}") ? s : null;
    }

    private static Integer number(String s) {
        return s != null && s.matches("[0-9]{1,5}") ? Integer.valueOf(s) : null;
    }

    /** ffprobe's "30000/1001" or "30". */
    static Double rate(String s) {
        if (s == null || !s.matches("[0-9]{1,6}(/[1-9][0-9]{0,5})?")) {
            return null;
        }
        String[] p = s.split("/");
        double r = Double.parseDouble(p[0]) / (p.length > 1 ? Double.parseDouble(p[1]) : 1);
        return r > 0 ? Math.round(r * 100) / 100.0 : null;
    }
}
