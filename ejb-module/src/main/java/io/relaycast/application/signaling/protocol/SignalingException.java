package io.relaycast.application.signaling.protocol;

/** A message the server refuses; becomes an {@code error} message to its sender only. */
public class SignalingException extends RuntimeException {

    private final String code;

    public SignalingException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
