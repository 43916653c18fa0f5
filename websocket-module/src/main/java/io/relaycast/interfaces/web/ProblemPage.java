package io.relaycast.interfaces.web;

import io.relaycast.interfaces.http.HttpProblem;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Error page of the signaling module: a problem body, never the container's HTML or a stack trace. */
@WebServlet("/problem")
public class ProblemPage extends HttpServlet {

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse res) throws IOException {
        Object code = req.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : HttpServletResponse.SC_NOT_FOUND;
        Object uri = req.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String detail = switch (status) {
            case 404 -> "No such signaling endpoint; use /ws/livestream/{streamId}.";
            case 401 -> "Sign in to do this (HTTP Basic).";
            case 403 -> "Not allowed.";
            default -> status >= 500 ? "Internal error." : "The request failed.";
        };
        HttpProblem.send(req, res, status, detail, uri == null ? null : uri.toString());
    }
}
