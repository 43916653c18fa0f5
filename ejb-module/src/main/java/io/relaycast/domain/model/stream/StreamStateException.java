package io.relaycast.domain.model.stream;

import io.relaycast.domain.model.shared.DomainException;

/** The operation is not allowed in the stream's current lifecycle state. */
public class StreamStateException extends DomainException {

    private final StreamStatus actual;

    public StreamStateException(String message, StreamStatus actual) {
        super(message);
        this.actual = actual;
    }

    public StreamStatus actual() {
        return actual;
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
