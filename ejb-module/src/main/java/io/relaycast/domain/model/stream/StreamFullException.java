package io.relaycast.domain.model.stream;

import io.relaycast.domain.model.shared.ConflictException;

/** The stream has as many viewers as its owner allows ({@code maxViewers}); staff still get in. */
public class StreamFullException extends ConflictException {

    public StreamFullException(int maxViewers) {
        super("This stream is full: it admits " + maxViewers + " viewers at a time. Try again later.");
    }

    @Override
    public String code() {
        return "full";
    }

    @Override
    public String title() {
        return "Stream full";
    }
}
