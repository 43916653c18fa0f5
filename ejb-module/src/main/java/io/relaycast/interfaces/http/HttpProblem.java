package io.relaycast.interfaces.http;

import static io.relaycast.application.json.JsonProviders.JSON;

import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * An {@code application/problem+json} answer written straight to a servlet response, for the
 * places that answer before JAX-RS does (filters, the authentication mechanism, error pages).
 */
public final class HttpProblem {

    public static final String MEDIA_TYPE = "application/problem+json";

    private HttpProblem() {
    }

    public static void send(HttpServletRequest req, HttpServletResponse res, int status, String detail)
            throws IOException {
        send(req, res, status, detail, req.getRequestURI());
    }

    /** Writes the problem; 401 gets the challenge that suits the caller, 429 a Retry-After if set before. */
    public static void send(HttpServletRequest req, HttpServletResponse res, int status, String detail,
                            String instance) throws IOException {
        if (res.isCommitted()) {
            return;
        }
        res.resetBuffer();
        res.setStatus(status);
        if (status == HttpServletResponse.SC_UNAUTHORIZED) {
            res.setHeader("WWW-Authenticate", Challenges.forRequest(req.getHeader("X-Requested-With")));
        }
        SecurityHeaders.apply(req, res);
        res.setHeader("Cache-Control", "no-store");
        res.setContentType(MEDIA_TYPE);
        res.setCharacterEncoding("UTF-8");
        JsonObjectBuilder b = JSON.createObjectBuilder().add("type", "about:blank").add("title", title(status))
                .add("status", status).add("detail", detail);
        if (instance != null) {
            b.add("instance", instance);
        }
        res.getWriter().write(b.build().toString());
        res.flushBuffer();
    }

    /** The title of a problem: the status's reason phrase. */
    public static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 406 -> "Not Acceptable";
            case 409 -> "Conflict";
            case 410 -> "Gone";
            case 411 -> "Length Required";
            case 413 -> "Content Too Large";
            case 415 -> "Unsupported Media Type";
            case 416 -> "Range Not Satisfiable";
            case 429 -> "Too Many Requests";
            case 503 -> "Service Unavailable";
            default -> status >= 500 ? "Internal Server Error" : "Error";
        };
    }
}
