package io.relaycast.application.signaling.protocol;

/** What a relayed WebRTC negotiation message is; decides who may send it to whom. */
public enum RelayKind {
    OFFER, ANSWER, CANDIDATE;

    /** For error texts only: the message type a client sends for this kind. */
    public String wireType() {
        return switch (this) {
            case OFFER -> "stream:offer";
            case ANSWER -> "stream:answer";
            case CANDIDATE -> "stream:ice-candidate";
        };
    }
}
