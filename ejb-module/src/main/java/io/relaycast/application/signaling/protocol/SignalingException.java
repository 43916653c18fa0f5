package io.relaycast.application.signaling.protocol;

/** A message the server refuses; becomes an {@code error} message to its sender only. */
public class SignalingException extends RuntimeException {

    private final String code;
    private final long retryAfterSeconds;

    public SignalingException(String code, String message) {
        this(code, message, 0);
    }

    /** With the seconds after which the same message would pass (a per-user limit, slow mode); 0: unknown. */
    public SignalingException(String code, String message, long retryAfterSeconds) {
        super(message);
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public String code() {
        return code;
    }
}
