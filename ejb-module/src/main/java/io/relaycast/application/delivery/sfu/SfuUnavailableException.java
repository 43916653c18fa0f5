package io.relaycast.application.delivery.sfu;

import io.relaycast.domain.model.shared.DomainException;

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
