package io.relaycast.application.recording;

import java.io.IOException;
import java.util.List;

/**
 * Turns a browser recording into a seekable file and joins segments, without re-encoding (ffmpeg
 * today). The port keeps the recording rules free of how that is done.
 */
public interface Remuxer {

    /** Remuxes {@code in} into {@code out}; false (with {@code out} a plain copy) when that is not possible. */
    boolean remux(ScratchFile in, ScratchFile out) throws IOException, InterruptedException;

    /** Joins the parts one after the other into {@code out}; false when that is not possible. */
    boolean concat(List<ScratchFile> parts, ScratchFile out) throws IOException, InterruptedException;

    /**
     * Joins the parts at the times they began ({@code startMillis}, ascending, one per part): a gap
     * between two (a broadcaster reconnecting) stays a gap, so the file's clock is the stream's.
     */
    boolean concatAt(List<ScratchFile> parts, List<Long> startMillis, ScratchFile out)
            throws IOException, InterruptedException;
}
