package io.relaycast.application.ingest.whip;

/** Why a WHIP request is refused, with the HTTP status RFC 9725 and the issue give it. */
public class WhipException extends RuntimeException {

    private final int status;

    public WhipException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
