package io.relaycast.application.delivery.sfu;

/** The SFU refused or could not be reached; the message is safe to show to the client. */
public class SfuException extends RuntimeException {

    public SfuException(String message) {
        super(message);
    }

    public SfuException(String message, Throwable cause) {
        super(message, cause);
    }
}
