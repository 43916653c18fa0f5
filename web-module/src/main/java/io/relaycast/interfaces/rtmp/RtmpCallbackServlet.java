package io.relaycast.interfaces.rtmp;

import io.relaycast.application.delivery.sfu.RtpFeed;
import io.relaycast.application.ingest.IngestException;
import io.relaycast.application.ingest.rtmp.RtmpIngest;
import io.relaycast.application.signaling.protocol.SignalingException;
import io.relaycast.domain.model.shared.IpNetwork;
import io.relaycast.domain.model.stream.StreamNotFoundException;
import io.relaycast.interfaces.http.HttpProblem;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What the RTMP server (nginx with libnginx-mod-rtmp, liberty-config/rtmp) asks, as form posts:
 * {@code POST /rtmp/publish} ({@code on_publish}, {@code name} = the stream key: a 302 whose
 * {@code Location} is the publication's id lets the encoder publish under that name, anything else
 * refuses it), {@code POST /rtmp/publish-done} ({@code on_publish_done}), and from its bridge
 * {@code POST /rtmp/feed} (where to send the RTP: one line
 * {@code host port rtcpPort audioSsrc audioPt videoSsrc videoPt}) and {@code POST /rtmp/alive}
 * (204 while the publication runs). Only the RTMP servers' own addresses may call
 * ({@code RTMP_CALLBACK_ADDRESSES}, loopback by default), and never through a proxy, so that the
 * encoder's address ({@code addr}) can be believed.
 */
@WebServlet("/rtmp/*")
public class RtmpCallbackServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(RtmpCallbackServlet.class.getName());

    @Inject
    RtmpIngest ingest;

    @Inject
    @ConfigProperty(name = "rtmp.callback-addresses", defaultValue = "127.0.0.1,::1")
    String callers;

    private volatile List<IpNetwork> callerNetworks;

    @Override
    public void init() {
        try {
            callerNetworks = RtmpCallers.parse(callers);
        } catch (IllegalArgumentException e) {
            callerNetworks = List.of(); // nobody: said once here rather than a 500 per callback
            LOG.severe("RTMP_CALLBACK_ADDRESSES: " + e.getMessage() + "; RTMP callbacks are refused until it is fixed");
        }
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException {
        if (!RtmpCallers.allowed(req, callerNetworks)) {
            HttpProblem.send(req, res, 403, "Only the RTMP server calls here (RTMP_CALLBACK_ADDRESSES), never through a proxy.");
            return;
        }
        String name = req.getParameter("name");
        if (name == null || name.isBlank() || name.length() > 256) {
            HttpProblem.send(req, res, 400, "The RTMP stream name (name) is missing or too long.");
            return;
        }
        try {
            switch (String.valueOf(req.getPathInfo())) {
                case "/publish" -> publish(req, res, name);
                case "/publish-done" -> {
                    ingest.stopped(name, session(req));
                    res.setStatus(204);
                }
                case "/feed" -> feed(req, res, name);
                case "/alive" -> res.setStatus(ingest.running(name) ? 204 : 404);
                default -> HttpProblem.send(req, res, 404, "The RTMP callbacks are /rtmp/publish, /rtmp/publish-done, "
                        + "/rtmp/feed and /rtmp/alive.");
            }
        } catch (IngestException e) {
            HttpProblem.send(req, res, e.status(), e.getMessage());
        } catch (StreamNotFoundException e) {
            HttpProblem.send(req, res, 401, "No stream has this key.");
        } catch (SignalingException e) {
            HttpProblem.send(req, res, 503, "The stream's room is busy; the encoder may try again.");
        }
    }

    /** nginx-rtmp renames the stream to the Location of a 3xx (one that is not an rtmp:// URL). */
    private void publish(HttpServletRequest req, HttpServletResponse res, String key) {
        String encoder = Optional.ofNullable(req.getParameter("addr")).filter(a -> IpNetwork.literal(a).isPresent())
                .orElse(req.getRemoteAddr());
        String publication = ingest.publish(key, encoder, session(req));
        res.setStatus(302);
        res.setHeader("Location", publication);
        res.setHeader("Cache-Control", "no-store");
    }

    /** nginx-rtmp's session: its client id, unique per RTMP server (hence with its address). */
    private static String session(HttpServletRequest req) {
        String client = req.getParameter("clientid");
        return client == null || !client.matches("[0-9]{1,20}") ? null : req.getRemoteAddr() + "/" + client;
    }

    private void feed(HttpServletRequest req, HttpServletResponse res, String publication) throws IOException {
        Optional<RtpFeed> feed = ingest.feed(publication, RtmpCallers.input(req));
        if (feed.isEmpty()) {
            HttpProblem.send(req, res, 404, "No RTMP publication with this name runs on this server.");
            return;
        }
        RtpFeed f = feed.get();
        res.setContentType("text/plain;charset=UTF-8");
        res.setHeader("Cache-Control", "no-store");
        res.getWriter().println(String.join(" ", f.host(), String.valueOf(f.port()), String.valueOf(f.rtcpPort()),
                String.valueOf(f.audioSsrc()), String.valueOf(f.audioPayloadType()), String.valueOf(f.videoSsrc()),
                String.valueOf(f.videoPayloadType())));
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        res.setHeader("Allow", "POST");
        HttpProblem.send(req, res, 405, "The RTMP server's callbacks are form posts.");
    }
}
