package io.relaycast.interfaces.rest.problem;

import io.relaycast.interfaces.rest.dto.ProblemDetail;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Builds application/problem+json responses. */
public final class Problems {

    private Problems() {
    }

    public static Response response(int status, String detail, UriInfo uriInfo) {
        return builder(status, detail, uriInfo).build();
    }

    public static Response.ResponseBuilder builder(int status, String detail, UriInfo uriInfo) {
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type != null ? type.getReasonPhrase() : switch (status) {
            case 413 -> "Content Too Large";
            case 416 -> "Range Not Satisfiable";
            case 429 -> "Too Many Requests";
            default -> "Error";
        };
        String instance = uriInfo != null ? uriInfo.getRequestUri().getRawPath() : null;
        return Response.status(status)
                .type(ProblemDetail.MEDIA_TYPE)
                .entity(new ProblemDetail("about:blank", title, status, detail, instance));
    }
}
