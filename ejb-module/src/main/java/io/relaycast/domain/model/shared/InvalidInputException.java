package io.relaycast.domain.model.shared;

/** Input that breaks a domain rule on its shape (length, range). */
public class InvalidInputException extends DomainException {

    public InvalidInputException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "invalid-input";
    }

    @Override
    public String title() {
        return "Bad Request";
    }
}
