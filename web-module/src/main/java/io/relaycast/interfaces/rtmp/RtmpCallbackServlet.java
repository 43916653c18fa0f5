package io.relaycast.interfaces.rtmp;

import io.relaycast.application.delivery.sfu.RtpFeed;
import io.relaycast.application.ingest.EncoderInput;
import io.relaycast.application.ingest.IngestException;
import io.relaycast.application.ingest.rtmp.RtmpIngest;
import io.relaycast.domain.model.shared.IpNetwork;
import io.relaycast.domain.model.stream.StreamNotFoundException;
import io.relaycast.interfaces.http.HttpProblem;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What the RTMP server (nginx with libnginx-mod-rtmp, liberty-config/rtmp) asks, as form posts:
 * {@code POST /rtmp/publish} ({@code on_publish}: 2xx lets the encoder publish, anything else
 * refuses it), {@code POST /rtmp/publish-done} ({@code on_publish_done}) and
 * {@code POST /rtmp/feed} (its bridge: where to send the RTP, one line
 * {@code host port rtcpPort audioSsrc audioPt videoSsrc videoPt}). The stream key is the RTMP
 * stream name ({@code name}); only the RTMP servers' addresses ({@code RTMP_CALLBACK_ADDRESSES},
 * loopback by default) may call, so that the encoder's address ({@code addr}) can be believed.
 */
@WebServlet("/rtmp/*")
public class RtmpCallbackServlet extends HttpServlet {

    @Inject
    RtmpIngest ingest;

    @Inject
    @ConfigProperty(name = "rtmp.callback-addresses", defaultValue = "127.0.0.1,::1")
    String callers;

    private volatile List<IpNetwork> callerNetworks;

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException {
        if (!fromRtmpServer(req)) {
            HttpProblem.send(req, res, 403, "Only the RTMP server calls here (RTMP_CALLBACK_ADDRESSES).");
            return;
        }
        String key = req.getParameter("name");
        switch (String.valueOf(req.getPathInfo())) {
            case "/publish" -> publish(req, res, key);
            case "/publish-done" -> {
                ingest.stopped(key);
                res.setStatus(204);
            }
            case "/feed" -> feed(req, res, key);
            default -> HttpProblem.send(req, res, 404, "The RTMP callbacks are /rtmp/publish, /rtmp/publish-done and /rtmp/feed.");
        }
    }

    private void publish(HttpServletRequest req, HttpServletResponse res, String key) throws IOException {
        if (key == null || key.isBlank() || key.length() > 128) {
            HttpProblem.send(req, res, 400, "The stream key (the RTMP stream name) is missing.");
            return;
        }
        String encoder = Optional.ofNullable(req.getParameter("addr")).filter(a -> IpNetwork.literal(a).isPresent())
                .orElse(req.getRemoteAddr());
        try {
            ingest.publish(key, encoder);
            res.setStatus(204);
        } catch (IngestException e) {
            HttpProblem.send(req, res, e.status(), e.getMessage());
        } catch (StreamNotFoundException e) {
            HttpProblem.send(req, res, 401, "No stream has this key.");
        }
    }

    private void feed(HttpServletRequest req, HttpServletResponse res, String key) throws IOException {
        Optional<RtpFeed> feed = ingest.feed(key, input(req));
        if (feed.isEmpty()) {
            HttpProblem.send(req, res, 404, "No RTMP publication with this key runs on this server.");
            return;
        }
        RtpFeed f = feed.get();
        res.setContentType("text/plain;charset=UTF-8");
        res.setHeader("Cache-Control", "no-store");
        res.getWriter().println(String.join(" ", f.host(), String.valueOf(f.port()), String.valueOf(f.rtcpPort()),
                String.valueOf(f.audioSsrc()), String.valueOf(f.audioPayloadType()), String.valueOf(f.videoSsrc()),
                String.valueOf(f.videoPayloadType())));
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
    private static Double rate(String s) {
        if (s == null || !s.matches("[0-9]{1,6}(/[1-9][0-9]{0,5})?")) {
            return null;
        }
        String[] p = s.split("/");
        double r = Double.parseDouble(p[0]) / (p.length > 1 ? Double.parseDouble(p[1]) : 1);
        return r > 0 ? Math.round(r * 100) / 100.0 : null;
    }

    private boolean fromRtmpServer(HttpServletRequest req) {
        List<IpNetwork> networks = callerNetworks;
        if (networks == null) {
            networks = Arrays.stream(callers.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                    .map(IpNetwork::parse).toList();
            callerNetworks = networks;
        }
        Optional<byte[]> address = IpNetwork.literal(req.getRemoteAddr());
        return address.isPresent() && networks.stream().anyMatch(n -> n.contains(address.get()));
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        res.setHeader("Allow", "POST");
        HttpProblem.send(req, res, 405, "The RTMP server's callbacks are form posts.");
    }
}
