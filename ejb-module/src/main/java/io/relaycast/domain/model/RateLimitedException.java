package io.relaycast.domain.model;

/** Someone is doing something faster than allowed (chat spam, like floods). */
public class RateLimitedException extends DomainException {

    public RateLimitedException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "rate-limited";
    }

    @Override
    public String title() {
        return "Too Many Requests";
    }
}
