package io.relaycast.domain.model;

/** No livestream (or viewer session of it) with the given id. */
public class StreamNotFoundException extends DomainException {

    public StreamNotFoundException(String message) {
        super(message);
    }

    public static StreamNotFoundException stream(String streamId) {
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
