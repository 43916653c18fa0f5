package io.relaycast.interfaces.rest.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * JAX-RS's own errors (unknown path, wrong method, unsupported media type, unreadable body, 401
 * challenges) as problem bodies, keeping headers such as WWW-Authenticate and Allow.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(WebApplicationException e) {
        Response original = e.getResponse();
        int status = original.getStatus();
        String detail = status >= 500 ? Problems.defaultDetail(status) : messageOf(e, status);
        Response.ResponseBuilder builder = Problems.builder(status, detail, uriInfo);
        for (String header : new String[] {HttpHeaders.WWW_AUTHENTICATE, HttpHeaders.ALLOW}) {
            Object value = original.getHeaders().getFirst(header);
            if (value != null) {
                builder.header(header, value);
            }
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
