package io.relaycast.interfaces.hls;

import io.relaycast.application.hls.HlsMediaTypes;
import io.relaycast.application.hls.HlsTokens;
import io.relaycast.application.hls.LiveHls;
import io.relaycast.application.hls.PlaylistLinks;
import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.interfaces.http.HttpProblem;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * {@code /hls/{streamId}/master.m3u8} and what it links to. Every request needs the stream's token
 * ({@code ?token=} or the {@code rc_hls} cookie, handed out by {@code GET /api/livestream/{id}/hls} to
 * those allowed to watch). Caching a CDN understands: segments and init files never change under a
 * name (immutable), playlists may be kept one second; shared caches only for tokened addresses.
 */
@WebServlet("/hls/*")
public class HlsServlet extends HttpServlet {

    public static final String COOKIE = "rc_hls";

    @Inject
    LiveHls hls;

    @Inject
    HlsTokens tokens;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        String info = req.getPathInfo();
        int slash = info == null ? -1 : info.indexOf('/', 1);
        if (slash < 0) {
            HttpProblem.send(req, res, 404, "HLS addresses are /hls/{streamId}/master.m3u8 and what it links to.");
            return;
        }
        StreamId stream;
        try {
            stream = StreamId.of(info.substring(1, slash));
        } catch (RuntimeException e) {
            HttpProblem.send(req, res, 404, "No such stream.");
            return;
        }
        String queryToken = req.getParameter("token");
        String token = queryToken != null ? queryToken : cookie(req).orElse(null);
        if (!tokens.valid(stream, token)) {
            HttpProblem.send(req, res, 403, "This HLS link is not valid (any more): the stream's page asks for a new one "
                    + "(GET /api/livestream/{id}/hls) for whoever may watch.");
            return;
        }
        String name = info.substring(slash + 1);
        Optional<Path> file = hls.file(stream, name);
        try {
            if (file.isEmpty()) {
                throw new NoSuchFileException(name);
            }
            res.setHeader("Access-Control-Allow-Origin", "*"); // the token is the permission, not the origin
            // a shared cache keys on the address: only a tokened one may be shared; a cookie's answer stays the viewer's
            String cache = queryToken != null ? "public" : "private";
            if (name.endsWith(".m3u8")) {
                String playlist = Files.readString(file.get());
                byte[] body = (queryToken != null ? PlaylistLinks.withToken(playlist, queryToken) : playlist)
                        .getBytes(StandardCharsets.UTF_8);
                res.setContentType(HlsMediaTypes.of(name));
                res.setHeader("Cache-Control", cache + ", max-age=1");
                res.setContentLength(body.length);
                res.getOutputStream().write(body);
            } else {
                res.setContentType(HlsMediaTypes.of(name));
                res.setHeader("Cache-Control", cache + ", max-age=31536000, immutable");
                res.setContentLengthLong(Files.size(file.get()));
                Files.copy(file.get(), res.getOutputStream());
            }
        } catch (NoSuchFileException e) {
            // not (yet, or no longer) there: the playlist moves on, the player asks for the next one
            HttpProblem.send(req, res, 404, "No such HLS file (now): the stream is not on air through the SFU, "
                    + "or this segment has left the live window.");
        }
    }

    private static Optional<String> cookie(HttpServletRequest req) {
        Cookie[] cookies = req.getCookies();
        return cookies == null ? Optional.empty() : Arrays.stream(cookies).filter(c -> COOKIE.equals(c.getName()))
                .map(Cookie::getValue).findFirst();
    }
}
