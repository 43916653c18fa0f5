package io.relaycast.application.delivery.sfu;

/**
 * Where the SFU sends a plain-RTP copy of a publisher's media: one UDP port per stream (or one for
 * both, told apart by the SSRCs given; 0: the SFU's own).
 */
public record RtpTarget(String host, int audioPort, int videoPort, int audioPayloadType, int videoPayloadType,
                        long audioSsrc, long videoSsrc) {

    /** With the SFU's own SSRCs. */
    public RtpTarget(String host, int audioPort, int videoPort, int audioPayloadType, int videoPayloadType) {
        this(host, audioPort, videoPort, audioPayloadType, videoPayloadType, 0, 0);
    }

    /** Into another SFU's plain-RTP publisher (a cascade): both media to its one port. */
    public static RtpTarget of(RtpFeed feed) {
        return new RtpTarget(feed.host(), feed.port(), feed.port(), feed.audioPayloadType(), feed.videoPayloadType(),
                feed.audioSsrc(), feed.videoSsrc());
    }
}
