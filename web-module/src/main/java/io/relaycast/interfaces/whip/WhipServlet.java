package io.relaycast.interfaces.whip;

import io.relaycast.application.ice.IceServer;
import io.relaycast.application.ice.IceServerProvider;
import io.relaycast.application.ingest.IngestException;
import io.relaycast.application.ingest.whip.WhipIngest;
import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.domain.model.stream.StreamNotFoundException;
import io.relaycast.interfaces.http.ClientAddresses;
import io.relaycast.interfaces.http.HttpProblem;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WHIP (RFC 9725): {@code POST /whip/{streamId}} with the stream key as bearer token and an SDP
 * offer creates a publication ({@code 201}, {@code Location}, {@code ETag}, the SDP answer and
 * the ICE servers as {@code Link} headers); {@code DELETE} on it stops; {@code PATCH} trickles
 * candidates ({@code 204}; ICE restarts are not supported: {@code 501}); {@code OPTIONS} answers
 * CORS and the public ICE servers. Encoders send no cookies, so any
 * origin may call (CORS {@code *}).
 */
@WebServlet("/whip/*")
public class WhipServlet extends HttpServlet {

    private static final Pattern PATH = Pattern.compile("/([A-Za-z0-9-]{1,64})(?:/([0-9a-f]{32}))?");
    private static final int MAX_OFFER_BYTES = 64 * 1024;

    @Inject
    WhipIngest ingest;

    @Inject
    IceServerProvider iceServers;

    @Inject
    ClientAddresses addresses;

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException {
        cors(res);
        Matcher m = PATH.matcher(String.valueOf(req.getPathInfo()));
        if (!m.matches() || m.group(2) != null) {
            HttpProblem.send(req, res, 404, "POST an offer to /whip/{streamId}.");
            return;
        }
        String type = req.getContentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/sdp")) {
            HttpProblem.send(req, res, 415, "The offer must be sent as application/sdp.");
            return;
        }
        String offer = body(req);
        if (offer == null) {
            HttpProblem.send(req, res, 413, "An SDP offer is at most " + MAX_OFFER_BYTES + " bytes.");
            return;
        }
        StreamId streamId = StreamId.of(m.group(1));
        try {
            WhipIngest.Answer answer = ingest.publish(streamId, bearer(req), offer, addresses.of(req));
            res.setStatus(201);
            res.setHeader("Location", req.getContextPath() + "/whip/" + streamId.value() + "/" + answer.resourceId());
            res.setHeader("ETag", "\"" + answer.resourceId() + "\"");
            res.setHeader("Accept-Patch", "application/trickle-ice-sdpfrag");
            res.setHeader("Cache-Control", "no-store");
            links(res, iceServers.iceServersFor(streamId.value()));
            res.setContentType("application/sdp");
            res.getOutputStream().write(answer.sdp().getBytes(StandardCharsets.UTF_8));
        } catch (IngestException e) {
            HttpProblem.send(req, res, e.status(), e.getMessage());
        } catch (StreamNotFoundException e) {
            HttpProblem.send(req, res, 404, "There is no such stream.");
        }
    }

    @Override
    protected void doDelete(HttpServletRequest req, HttpServletResponse res) throws IOException {
        cors(res);
        Matcher m = PATH.matcher(String.valueOf(req.getPathInfo()));
        if (!m.matches() || m.group(2) == null || !ingest.exists(StreamId.of(m.group(1)), m.group(2))) {
            HttpProblem.send(req, res, 404, "There is no such WHIP publication (it may have ended).");
            return;
        }
        // the resource's address is the capability (RFC 9725); it is unguessable and only the
        // encoder that created it was told
        ingest.stop(StreamId.of(m.group(1)), m.group(2));
        res.setStatus(200);
    }

    @Override
    protected void doOptions(HttpServletRequest req, HttpServletResponse res) {
        cors(res);
        res.setHeader("Accept-Post", "application/sdp");
        links(res, iceServers.publicServers());
        res.setStatus(204);
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse res) throws IOException, jakarta.servlet.ServletException {
        if ("PATCH".equals(req.getMethod())) {
            cors(res);
            patch(req, res);
            return;
        }
        super.service(req, res);
    }

    /** Trickle ICE (RFC 9725 section 4.3.1): the encoder's candidates after its offer; no ICE restarts (501). */
    private void patch(HttpServletRequest req, HttpServletResponse res) throws IOException {
        Matcher m = PATH.matcher(String.valueOf(req.getPathInfo()));
        if (!m.matches() || m.group(2) == null || !ingest.exists(StreamId.of(m.group(1)), m.group(2))) {
            HttpProblem.send(req, res, 404, "There is no such WHIP publication (it may have ended).");
            return;
        }
        String type = req.getContentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/trickle-ice-sdpfrag")) {
            HttpProblem.send(req, res, 415, "Trickle candidates as application/trickle-ice-sdpfrag.");
            return;
        }
        String ifMatch = req.getHeader("If-Match");
        if ("*".equals(ifMatch)) {
            HttpProblem.send(req, res, 501, "ICE restarts are not supported: publish again (DELETE, then POST).");
            return;
        }
        if (ifMatch != null && !ifMatch.equals("\"" + m.group(2) + "\"")) {
            HttpProblem.send(req, res, 412, "If-Match does not name this publication's entity tag.");
            return;
        }
        String body = body(req);
        if (body == null) {
            HttpProblem.send(req, res, 413, "A fragment is at most " + MAX_OFFER_BYTES + " bytes.");
            return;
        }
        try {
            TrickleFragment f = TrickleFragment.parse(body);
            if (!ingest.trickle(StreamId.of(m.group(1)), m.group(2), f.ufrag(), f.candidates(), f.end())) {
                HttpProblem.send(req, res, 404, "There is no such WHIP publication (it may have ended).");
                return;
            }
            res.setStatus(204);
        } catch (IllegalArgumentException e) {
            HttpProblem.send(req, res, 400, e.getMessage());
        } catch (IngestException e) {
            HttpProblem.send(req, res, e.status(), e.getMessage());
        }
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        res.setHeader("Allow", "POST, DELETE, OPTIONS");
        HttpProblem.send(req, res, 405, "WHIP takes POST (an offer), DELETE (a publication) and OPTIONS.");
    }

    private static String bearer(HttpServletRequest req) {
        String h = req.getHeader("Authorization");
        return h != null && h.regionMatches(true, 0, "Bearer ", 0, 7) ? h.substring(7).trim() : null;
    }

    /** The body, or null when it is larger than an offer can be. */
    private static String body(HttpServletRequest req) throws IOException {
        if (req.getContentLengthLong() > MAX_OFFER_BYTES) {
            return null;
        }
        try (InputStream in = req.getInputStream()) {
            byte[] b = in.readNBytes(MAX_OFFER_BYTES + 1);
            return b.length > MAX_OFFER_BYTES ? null : new String(b, StandardCharsets.UTF_8);
        }
    }

    private static void cors(HttpServletResponse res) {
        res.setHeader("Access-Control-Allow-Origin", "*");
        res.setHeader("Access-Control-Allow-Methods", "POST, DELETE, PATCH, OPTIONS");
        res.setHeader("Access-Control-Allow-Headers", "Authorization, Content-Type, If-Match");
        res.setHeader("Access-Control-Expose-Headers", "Location, ETag, Link, Accept-Post, Accept-Patch");
    }

    /** RFC 9725 section 4.6: one Link per server URL, credentials as attributes. */
    private static void links(HttpServletResponse res, List<IceServer> servers) {
        for (IceServer s : servers) {
            for (String url : s.urls()) {
                StringBuilder link = new StringBuilder("<").append(url).append(">; rel=\"ice-server\"");
                if (s.username() != null && s.credential() != null) {
                    link.append("; username=\"").append(s.username()).append("\"; credential=\"")
                            .append(s.credential()).append("\"; credential-type=\"password\"");
                }
                res.addHeader("Link", link.toString());
            }
        }
    }
}
