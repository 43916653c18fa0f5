package io.relaycast.application.signaling.protocol;

/**
 * How a viewer's page receives the media ({@code transport} on the wire): WebRTC as the stream's
 * delivery brings it, or the live HLS rendition (for networks that block WebRTC; SFU streams only).
 */
public enum Playback {
    WEBRTC("webrtc"), HLS("hls");

    private final String wireName;

    Playback(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** By wire name; null when there is none of that name. */
    public static Playback ofWireName(String name) {
        for (Playback p : values()) {
            if (p.wireName.equals(name)) {
                return p;
            }
        }
        return null;
    }
}
