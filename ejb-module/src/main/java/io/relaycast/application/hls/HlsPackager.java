package io.relaycast.application.hls;

import io.relaycast.domain.model.stream.StreamId;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** Port: the engine that turns one forwarded publication into a live HLS ladder on disk (ffmpeg). */
public interface HlsPackager {

    /** Whether it can run here (its tool is installed, and HLS is not switched off). */
    boolean available();

    /** Whether it can package video of that codec (as the SFU names it: vp8, h264, …). */
    boolean packages(String videoCodec);

    /** Starts a ladder for the stream, listening for the publication's RTP (its video in the codec named). */
    Ladder start(StreamId stream, String videoCodec) throws IOException;

    /** A file of the stream's ladder by its name relative to the ladder ({@code master.m3u8}, {@code v0/seg3.m4s}). */
    Optional<Path> file(StreamId stream, String name);

    /** Removes what is left of the stream's ladder. */
    void discard(StreamId stream);
}
