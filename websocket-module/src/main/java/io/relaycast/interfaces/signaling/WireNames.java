package io.relaycast.interfaces.signaling;

import io.relaycast.application.signaling.RelayKind;

/** Message type names and relay payload fields of the wire protocol (docs/websocket-protocol.md). */
final class WireNames {

    static final String JOIN = "stream:join";
    static final String OFFER = "stream:offer";
    static final String ANSWER = "stream:answer";
    static final String CANDIDATE = "stream:ice-candidate";
    static final String CHAT_SEND = "chat:send";
    static final String LIKE = "like";
    static final String END = "stream:end";
    static final String PING = "ping";
    static final String STATS = "stats";
    static final String LOST_PARENT = "relay:lost-parent";
    static final String SFU_PUBLISH = "sfu:publish";
    static final String SFU_ANSWER = "sfu:answer";
    static final String SFU_CANDIDATE = "sfu:candidate";
    static final String SFU_LAYER = "sfu:layer";

    private WireNames() {
    }

    static String relayType(RelayKind kind) {
        return switch (kind) {
            case OFFER -> OFFER;
            case ANSWER -> ANSWER;
            case CANDIDATE -> CANDIDATE;
        };
    }

    static String payloadField(RelayKind kind) {
        return kind == RelayKind.CANDIDATE ? "candidate" : "sdp";
    }
}
