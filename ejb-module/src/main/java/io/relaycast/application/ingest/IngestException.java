package io.relaycast.application.ingest;

/** Why an encoder (WHIP, RTMP) is refused, with the HTTP status it answers with (RFC 9725 for WHIP). */
public class IngestException extends RuntimeException {

    private final int status;

    public IngestException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
