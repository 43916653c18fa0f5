package io.relaycast.application.sfu;

import io.relaycast.domain.model.DomainException;

/** SFU delivery was asked for where there is no SFU (or it cannot be reached): a conflict, not bad input. */
public class SfuUnavailableException extends DomainException {

    public SfuUnavailableException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "sfu-unavailable";
    }

    @Override
    public String title() {
        return "Conflict";
    }
}
