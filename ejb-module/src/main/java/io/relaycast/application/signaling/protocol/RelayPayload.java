package io.relaycast.application.signaling.protocol;

import java.util.Objects;

/**
 * An SDP or ICE candidate as the client sent it, kept as JSON text: the rules never look inside,
 * and the wire edge writes it back out unchanged ({@code "null"} for an end-of-candidates marker).
 */
public record RelayPayload(String json) {

    public static final RelayPayload NULL = new RelayPayload("null");

    public RelayPayload {
        Objects.requireNonNull(json, "payload");
    }

    public int length() {
        return json.length();
    }

    @Override
    public String toString() {
        return "RelayPayload[" + json.length() + " chars]"; // SDPs carry ICE passwords: never logged
    }
}
