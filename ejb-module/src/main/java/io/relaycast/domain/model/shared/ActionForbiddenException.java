package io.relaycast.domain.model.shared;

/** The caller is known but may not do this here (a banned user chatting, a viewer moderating). */
public class ActionForbiddenException extends DomainException {

    public ActionForbiddenException(String message) {
        super(message);
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
