package io.relaycast.application.signaling;

/** What a relayed WebRTC negotiation message is; decides who may send it to whom. */
public enum RelayKind {
    OFFER, ANSWER, CANDIDATE
}
