package io.relaycast.domain.model.recording;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/** Recognises uploads by their first bytes, not by what the client claims. */
public final class MediaTypeSniffer {

    private static final byte[] EBML = {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3};
    private static final byte[] FTYP = "ftyp".getBytes(StandardCharsets.US_ASCII);

    private MediaTypeSniffer() {
    }

    /** video/webm (EBML header) or video/mp4 (ftyp box), else empty. */
    public static Optional<String> video(byte[] head) {
        if (head.length >= 4 && Arrays.equals(Arrays.copyOf(head, 4), EBML)) {
            return Optional.of("video/webm");
        }
        if (head.length >= 8 && Arrays.equals(Arrays.copyOfRange(head, 4, 8), FTYP)) {
            return Optional.of("video/mp4");
        }
        return Optional.empty();
    }

    public static boolean isJpeg(byte[] head) {
        return head.length >= 3 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xD8 && (head[2] & 0xFF) == 0xFF;
    }
}
