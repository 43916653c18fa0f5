package io.relaycast.application.delivery.sfu;

/**
 * Where an encoder bridge sends plain RTP so that the SFU takes it as the room's publisher: one
 * UDP port for both media, told apart by SSRC, with the payload types the SFU offers viewers.
 * RTCP goes to {@code rtcpPort} (the SFU's keyframe requests are sent back to where it comes from).
 */
public record RtpFeed(String host, int port, int rtcpPort, long audioSsrc, int audioPayloadType, long videoSsrc,
                      int videoPayloadType) {
}
