package io.relaycast.interfaces.rest.problem;

import io.relaycast.interfaces.http.HttpProblem;
import io.relaycast.interfaces.rest.dto.ProblemDetail;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * Builds application/problem+json responses. The one place for titles and default details, used
 * by the JAX-RS exception mappers and by the container's error page alike.
 */
public final class Problems {

    public static final String UNREADABLE_JSON = "The request body is not valid JSON for this operation.";

    private Problems() {
    }

    public static Response response(int status, String detail, UriInfo uriInfo) {
        return builder(status, detail, uriInfo).build();
    }

    public static Response.ResponseBuilder builder(int status, String detail, UriInfo uriInfo) {
        return Response.status(status)
                .type(ProblemDetail.MEDIA_TYPE)
                .entity(problem(status, detail, uriInfo != null ? uriInfo.getRequestUri().getRawPath() : null));
    }

    public static ProblemDetail problem(int status, String detail, String instance) {
        return new ProblemDetail("about:blank", title(status), status, detail, instance);
    }

    public static String title(int status) {
        return HttpProblem.title(status);
    }

    /** What to say when nothing more specific is known; never anything internal for 5xx. */
    public static String defaultDetail(int status) {
        return switch (status) {
            case 400 -> "The request body or parameters could not be read.";
            case 401 -> "Sign in to do this (HTTP Basic; see the README for demo users).";
            case 403 -> "You are not allowed to do this.";
            case 404 -> "No such resource.";
            case 405 -> "This method is not allowed here.";
            case 406 -> "The requested media type is not available.";
            case 415 -> "Send the body as application/json.";
            default -> status >= 500 ? "Internal error." : "The request failed.";
        };
    }
}
