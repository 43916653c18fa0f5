package io.relaycast.interfaces.web;

import io.relaycast.interfaces.rest.dto.ProblemDetail;
import io.relaycast.interfaces.rest.problem.Problems;
import io.relaycast.interfaces.http.Challenges;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Error page for whatever the container answers itself (unknown paths outside the API, failed
 * Basic authentication, uncaught errors): a problem body instead of an HTML page or a stack trace.
 */
@WebServlet("/problem")
public class ProblemServlet extends HttpServlet {

    private static final Jsonb JSONB = JsonbBuilder.create();

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Object code = req.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : HttpServletResponse.SC_NOT_FOUND;
        Object uri = req.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        resp.setStatus(status);
        if (status == HttpServletResponse.SC_UNAUTHORIZED) {
            resp.setHeader("WWW-Authenticate", Challenges.forRequest(req.getHeader("X-Requested-With")));
        }
        resp.setContentType(ProblemDetail.MEDIA_TYPE);
        resp.setCharacterEncoding("UTF-8");
        resp.getWriter().write(JSONB.toJson(Problems.problem(status, Problems.defaultDetail(status),
                uri == null ? null : uri.toString())));
    }
}
