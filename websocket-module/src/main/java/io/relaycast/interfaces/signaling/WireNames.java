package io.relaycast.interfaces.signaling;

import io.relaycast.application.signaling.protocol.RelayKind;
import io.relaycast.application.signaling.protocol.SignalCommand;
import java.util.Set;

/**
 * What the codec knows of the wire protocol, in one place: message types both ways, relay payload
 * fields and the error codes a client can receive. docs/websocket-protocol.md and docs/asyncapi.yaml
 * describe exactly these ({@code ProtocolDocsTest} holds them to it).
 */
final class WireNames {

    // Client → server: what SignalDecoder reads (OFFER, ANSWER and CANDIDATE are relayed under the same type).
    static final String JOIN = "stream:join";
    static final String OFFER = "stream:offer";
    static final String ANSWER = "stream:answer";
    static final String CANDIDATE = "stream:ice-candidate";
    static final String CHAT_SEND = "chat:send";
    static final String LIKE = "like";
    static final String REACTION = "reaction";
    static final String END = "stream:end";
    static final String PING = "ping";
    static final String STATS = "stats";
    static final String LOST_PARENT = "relay:lost-parent";
    static final String TRANSPORT = "stream:transport";
    static final String SFU_PUBLISH = "sfu:publish";
    static final String SFU_ANSWER = "sfu:answer";
    static final String SFU_CANDIDATE = "sfu:candidate";
    static final String SFU_LAYER = "sfu:layer";

    // Server → client: what SignalEncoder writes, besides the relayed OFFER, ANSWER and CANDIDATE.
    static final String JOINED = "stream:joined";
    static final String ADMITTED = "stream:admitted";
    static final String VIEWER_JOINED = "stream:viewer-joined";
    static final String VIEWER_LEFT = "stream:viewer-left";
    static final String BROADCASTER_LEFT = "stream:broadcaster-left";
    static final String BROADCASTER_REJOINED = "stream:broadcaster-rejoined";
    static final String STREAM_STARTED = "stream_started";
    static final String STREAM_STOPPED = "stream_stopped";
    static final String STREAM_UPDATE = "stream_update";
    static final String STREAM_UPDATED = "stream:updated";
    static final String STREAM_CANCELLED = "stream:cancelled";
    static final String CHAT_MESSAGE = "chat:message";
    static final String CHAT_DELETED = "chat:deleted";
    static final String REACTION_COUNTS = "reaction:counts";
    static final String POLL = "poll:update";
    static final String CAPTION = "caption";
    static final String QUESTION_ADDED = "question:added";
    static final String QUESTION_UPDATED = "question:updated";
    static final String QUESTION_REMOVED = "question:removed";
    static final String QUESTION_VOTES = "question:votes";
    static final String PIN_ADDED = "pin:added";
    static final String PIN_REMOVED = "pin:removed";
    static final String RELAY_PARENT = "relay:parent";
    static final String RELAY_CHILD = "relay:child";
    static final String RELAY_CHILD_REMOVED = "relay:child-removed";
    static final String SFU_PUBLISHED = "sfu:published";
    static final String SFU_OFFER = "sfu:offer";
    static final String SFU_RESTART = "sfu:restart";
    static final String PONG = "pong";
    static final String ERROR = "error";

    /** Every message type SignalDecoder accepts; anything else is {@code unknown-type}. */
    static final Set<String> COMMANDS = Set.of(JOIN, OFFER, ANSWER, CANDIDATE, CHAT_SEND, LIKE, REACTION, END, PING, STATS,
            LOST_PARENT, TRANSPORT, SFU_PUBLISH, SFU_ANSWER, SFU_CANDIDATE, SFU_LAYER);

    /** Every message type SignalEncoder writes, the relayed offer, answer and candidate included. */
    static final Set<String> EVENTS = Set.of(JOINED, ADMITTED, VIEWER_JOINED, VIEWER_LEFT, BROADCASTER_LEFT,
            BROADCASTER_REJOINED, OFFER, ANSWER, CANDIDATE, STREAM_STARTED, STREAM_STOPPED, STREAM_UPDATE,
            STREAM_UPDATED, STREAM_CANCELLED, CHAT_MESSAGE, CHAT_DELETED, REACTION_COUNTS, POLL, CAPTION, QUESTION_ADDED,
            QUESTION_UPDATED, QUESTION_REMOVED, QUESTION_VOTES, PIN_ADDED, PIN_REMOVED, RELAY_PARENT, RELAY_CHILD, RELAY_CHILD_REMOVED,
            SFU_PUBLISHED, SFU_OFFER, SFU_RESTART, PONG, ERROR);

    /**
     * The wire contract's error codes: every {@code code} an {@code error} message can carry. Each is a
     * {@code SignalingException} code, a {@code SignalEvent.Error} sent directly, or the code of a
     * {@code DomainException} that SignalingService passes on (ProtocolDocsTest finds them all in the
     * sources of both modules and names the file of any code missing here):
     * <ul>
     * <li>the frame (SignalDecoder): {@code bad-json}, {@code bad-message}, {@code unknown-type}, {@code too-large};
     * <li>the session: {@code not-joined}, {@code already-joined}, {@code rate-limited} (messages per second,
     *     relays per second, a backed-up addressee, chat and like limits, viewer admissions);
     * <li>the rules: {@code forbidden}, {@code unauthenticated}, {@code unknown-peer}, {@code no-broadcaster},
     *     {@code bad-message} (relaying without {@code to}, SFU messages on a p2p stream), {@code too-large}
     *     (a relayed {@code sdp} or {@code candidate});
     * <li>the stream: {@code not-found}, {@code stream-ended}, {@code stream-cancelled}, {@code invalid-state},
     *     {@code invalid-input}, {@code full} (as many viewers as the owner allows);
     * <li>delivery and the server: {@code sfu-unavailable}, {@code replaced} (a newer broadcaster session),
     *     {@code busy} (a cluster's room lock not free in time), {@code internal} (with an incident id).
     * </ul>
     * ({@code UploadRejectedException}'s {@code unsupported-media-type} is for REST uploads only.)
     */
    static final Set<String> ERROR_CODES = Set.of("bad-json", "bad-message", "unknown-type", "too-large",
            "rate-limited", "not-joined", "already-joined", "forbidden", "unknown-peer", "no-broadcaster",
            "unauthenticated", "not-found", "stream-ended", "stream-cancelled", "full", "invalid-state", "invalid-input",
            "sfu-unavailable", "hls-unavailable",
            "replaced", "busy", "internal");

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

    /** The type of a refused command that pages answer in place (chat line, like, reaction), else null. */
    static String answeredInPlace(SignalCommand command) {
        if (command instanceof SignalCommand.ChatSend) {
            return CHAT_SEND;
        }
        if (command instanceof SignalCommand.React) {
            return REACTION;
        }
        return command instanceof SignalCommand.Like ? LIKE : null;
    }
}
