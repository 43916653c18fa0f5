package io.relaycast.domain.model.shared;

/** The request is fine but the thing is not in a state that allows it (a poll not open, a second vote): 409. */
public class ConflictException extends DomainException {

    public ConflictException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "invalid-state";
    }

    @Override
    public String title() {
        return "Conflict";
    }
}
