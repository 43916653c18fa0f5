package io.relaycast.domain.model.shared;

/** Only signed-in users may do this here (chat on a stream whose chat is for signed-in users only). */
public class SignInRequiredException extends DomainException {

    public SignInRequiredException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "unauthenticated";
    }

    @Override
    public String title() {
        return "Unauthorized";
    }
}
