package io.relaycast.domain.model.stream;

import io.relaycast.domain.model.shared.DomainException;

/** Only the broadcaster who created a stream may control it. */
public class NotStreamOwnerException extends DomainException {

    public NotStreamOwnerException(StreamId streamId) {
        super("Only the broadcaster who owns livestream '" + streamId + "' may do this.");
    }

    @Override
    public String code() {
        return "forbidden";
    }

    @Override
    public String title() {
        return "Forbidden";
    }
}
