package io.relaycast.domain.model.shared;

/** Someone is doing something faster than allowed (chat spam, like floods, join storms, password guessing). */
public class RateLimitedException extends DomainException {

    private final long retryAfterSeconds;

    public RateLimitedException(String message) {
        this(message, 1);
    }

    public RateLimitedException(String message, long retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    /** Whole seconds (at least 1) for a wait given in nanoseconds. */
    public static long seconds(long nanos) {
        return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }

    /** When trying again can succeed (HTTP Retry-After). */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
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
