package io.relaycast.application.hls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PlaylistLinksTest {

    @Test
    void everyLinkOfAMasterPlaylistCarriesTheToken() {
        String master = "#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-STREAM-INF:BANDWIDTH=2340800,RESOLUTION=640x480,"
                + "CODECS=\"avc1.4d401e,mp4a.40.2\"\nv0/index.m3u8\n\n#EXT-X-STREAM-INF:BANDWIDTH=800800\nv1/index.m3u8\n";
        assertEquals("#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-STREAM-INF:BANDWIDTH=2340800,RESOLUTION=640x480,"
                + "CODECS=\"avc1.4d401e,mp4a.40.2\"\nv0/index.m3u8?token=T.s\n\n#EXT-X-STREAM-INF:BANDWIDTH=800800\n"
                + "v1/index.m3u8?token=T.s\n", PlaylistLinks.withToken(master, "T.s"));
    }

    @Test
    void segmentsAndTheInitSegmentCarryItInAMediaPlaylist() {
        String media = "#EXTM3U\r\n#EXT-X-MAP:URI=\"init-17_0.mp4\"\r\n#EXTINF:2.000000,\r\nseg1733.m4s\r\n";
        assertEquals("#EXTM3U\n#EXT-X-MAP:URI=\"init-17_0.mp4?token=T.s\"\n#EXTINF:2.000000,\nseg1733.m4s?token=T.s\n",
                PlaylistLinks.withToken(media, "T.s"));
    }
}
