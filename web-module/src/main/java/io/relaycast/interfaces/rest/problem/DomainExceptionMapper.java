package io.relaycast.interfaces.rest.problem;

import io.relaycast.domain.model.shared.DomainException;
import io.relaycast.domain.model.shared.InvalidInputException;
import io.relaycast.domain.model.shared.ConflictException;
import io.relaycast.domain.model.shared.LimitReachedException;
import io.relaycast.domain.model.shared.ActionForbiddenException;
import io.relaycast.domain.model.stream.NotStreamOwnerException;
import io.relaycast.domain.model.shared.SignInRequiredException;
import io.relaycast.application.delivery.sfu.SfuUnavailableException;
import io.relaycast.domain.model.shared.RateLimitedException;
import io.relaycast.domain.model.stream.StreamNotFoundException;
import io.relaycast.domain.model.stream.StreamStateException;
import io.relaycast.domain.model.recording.UploadRejectedException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Broken business rules → 400 / 403 / 404 / 409. */
@Provider
public class DomainExceptionMapper implements ExceptionMapper<DomainException> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(DomainException e) {
        return responseFor(e, uriInfo);
    }

    static Response responseFor(DomainException e, UriInfo uriInfo) {
        Response.ResponseBuilder b = Problems.builder(statusOf(e), e.getMessage(), uriInfo);
        if (e instanceof RateLimitedException r) {
            b.header("Retry-After", Long.toString(r.retryAfterSeconds()));
        }
        return b.build();
    }

    static int statusOf(DomainException e) {
        if (e instanceof StreamNotFoundException) {
            return 404;
        }
        if (e instanceof StreamStateException || e instanceof SfuUnavailableException
                || e instanceof LimitReachedException || e instanceof ConflictException) {
            return 409;
        }
        if (e instanceof NotStreamOwnerException || e instanceof ActionForbiddenException) {
            return 403;
        }
        if (e instanceof SignInRequiredException) {
            return 401;
        }
        if (e instanceof InvalidInputException) {
            return 400;
        }
        if (e instanceof RateLimitedException) {
            return 429;
        }
        if (e instanceof UploadRejectedException u) {
            return u.reason() == UploadRejectedException.Reason.TOO_LARGE ? 413 : 415;
        }
        return 400;
    }
}
