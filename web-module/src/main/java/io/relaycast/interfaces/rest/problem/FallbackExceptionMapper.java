package io.relaycast.interfaces.rest.problem;

import io.relaycast.domain.model.shared.DomainException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Everything else. Container wrappers (EJBException, ProcessingException) are unwrapped to a cause
 * the other mappers know; a real fault is logged with an id and answered with a 500 that carries
 * only that id, never a stack trace.
 */
@Provider
public class FallbackExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(FallbackExceptionMapper.class.getName());

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DomainException d) {
                return DomainExceptionMapper.responseFor(d, uriInfo);
            }
            if (t instanceof ConstraintViolationException cve) {
                return new ConstraintViolationMapper().toResponseFor(cve, uriInfo);
            }
            if (t instanceof jakarta.json.bind.JsonbException || t instanceof jakarta.json.JsonException) {
                return Problems.response(400, Problems.UNREADABLE_JSON, uriInfo);
            }
            if (t instanceof OptimisticLockException || t instanceof PessimisticLockException) {
                return Problems.response(409, "The stream was changed concurrently; retry the request.", uriInfo);
            }
            if (t instanceof WebApplicationException wae && t != e) {
                WebApplicationExceptionMapper mapper = new WebApplicationExceptionMapper();
                mapper.uriInfo = uriInfo;
                return mapper.toResponse(wae);
            }
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unhandled error, incident " + incident, e);
        return Problems.response(500, "Internal error; incident id " + incident + ".", uriInfo);
    }
}
