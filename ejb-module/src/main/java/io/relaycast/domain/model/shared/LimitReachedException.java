package io.relaycast.domain.model.shared;

/** A per-user cap is reached (e.g. scheduled streams): nothing more until something is freed. */
public class LimitReachedException extends DomainException {

    public LimitReachedException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "limit-reached";
    }

    @Override
    public String title() {
        return "Conflict";
    }
}
