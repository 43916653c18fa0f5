package io.relaycast.interfaces.rest.problem;

import io.relaycast.interfaces.http.Challenges;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * JAX-RS's own errors (unknown path, wrong method, unsupported media type, unreadable body, 401
 * challenges) as problem bodies, keeping Allow and the 401 challenge (see {@link Challenges}).
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    UriInfo uriInfo;

    @Context
    HttpHeaders requestHeaders;

    @Override
    public Response toResponse(WebApplicationException e) {
        Response original = e.getResponse();
        int status = original.getStatus();
        String detail = status >= 500 ? Problems.defaultDetail(status) : messageOf(e, status);
        Response.ResponseBuilder builder = Problems.builder(status, detail, uriInfo);
        Object allow = original.getHeaders().getFirst(HttpHeaders.ALLOW);
        if (allow != null) {
            builder.header(HttpHeaders.ALLOW, allow);
        }
        if (original.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE) != null) {
            builder.header(HttpHeaders.WWW_AUTHENTICATE,
                    Challenges.forRequest(requestHeaders.getHeaderString("X-Requested-With")));
        }
        return builder.build();
    }

    private static String messageOf(WebApplicationException e, int status) {
        String message = e.getMessage();
        if (message == null || message.startsWith("HTTP ") || message.startsWith("RESTEASY")) {
            return Problems.defaultDetail(status);
        }
        return message;
    }
}
