package io.relaycast.application.delivery.sfu;

/** Where the SFU sends a plain-RTP copy of a publisher's media: one UDP port per stream. */
public record RtpTarget(String host, int audioPort, int videoPort, int audioPayloadType, int videoPayloadType) {
}
