package io.relaycast.interfaces.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.BadRequestException;
import java.util.Set;

/**
 * Bean Validation of request bodies, called after the caller has been checked so that an
 * anonymous request gets 401 rather than a list of field errors.
 */
@ApplicationScoped
public class RequestValidator {

    @Inject
    Validator validator;

    public <T> T require(T body, String whatIsMissing) {
        if (body == null) {
            throw new BadRequestException(whatIsMissing);
        }
        return valid(body);
    }

    public <T> T valid(T body) {
        if (body == null) {
            return null;
        }
        Set<ConstraintViolation<T>> violations = validator.validate(body);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return body;
    }
}
