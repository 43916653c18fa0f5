package io.relaycast.domain.model.recording;

import io.relaycast.domain.model.shared.DomainException;

/** An upload that is too large or not of an accepted type. */
public class UploadRejectedException extends DomainException {

    public enum Reason { TOO_LARGE, UNSUPPORTED_TYPE }

    private final Reason reason;

    public UploadRejectedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    @Override
    public String code() {
        return reason == Reason.TOO_LARGE ? "too-large" : "unsupported-media-type";
    }

    @Override
    public String title() {
        return reason == Reason.TOO_LARGE ? "Content Too Large" : "Unsupported Media Type";
    }
}
