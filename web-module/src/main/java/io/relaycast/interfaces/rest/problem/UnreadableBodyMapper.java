package io.relaycast.interfaces.rest.problem;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Malformed JSON or a value of the wrong type → 400 instead of a server error. */
@Provider
public class UnreadableBodyMapper implements ExceptionMapper<JsonbException> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(JsonbException e) {
        return Problems.response(400, Problems.UNREADABLE_JSON, uriInfo);
    }
}
