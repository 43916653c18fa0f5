package io.relaycast.domain.model.stream;

import io.relaycast.domain.model.shared.DomainException;

/** No livestream (or viewer session of it) with the given id. */
public class StreamNotFoundException extends DomainException {

    public StreamNotFoundException(String message) {
        super(message);
    }

    public static StreamNotFoundException stream(StreamId streamId) {
        return new StreamNotFoundException("No livestream with id '" + streamId + "'.");
    }

    @Override
    public String code() {
        return "not-found";
    }

    @Override
    public String title() {
        return "Not Found";
    }
}
