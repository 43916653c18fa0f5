package io.relaycast.application.hls;

/** The media type of an HLS file by its name, the same wherever it is stored or served (live, VOD, S3). */
public final class HlsMediaTypes {

    private HlsMediaTypes() {
    }

    public static String of(String name) {
        return name.endsWith(".m3u8") ? "application/vnd.apple.mpegurl"
                : name.endsWith(".mp4") ? "video/mp4" : "video/iso.segment";
    }
}
