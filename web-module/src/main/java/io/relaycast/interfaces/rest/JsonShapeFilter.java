package io.relaycast.interfaces.rest;

import io.relaycast.interfaces.rest.problem.Problems;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;

/**
 * Checks every JSON request body with {@link JsonShape} before it is bound. Bodies are small here
 * (the edge filter refuses JSON over 64 KB before this runs), so reading one into memory is cheap.
 */
@Provider
@Priority(Priorities.ENTITY_CODER)
public class JsonShapeFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        MediaType type = request.getMediaType();
        if (!request.hasEntity() || type == null || !(type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"))) {
            return;
        }
        byte[] body = request.getEntityStream().readAllBytes();
        Optional<String> problem = JsonShape.problem(body);
        if (problem.isPresent()) {
            request.abortWith(Problems.response(400, problem.get(), request.getUriInfo()));
            return;
        }
        request.setEntityStream(new ByteArrayInputStream(body));
    }
}
