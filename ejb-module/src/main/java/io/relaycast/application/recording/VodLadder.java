package io.relaycast.application.recording;

import java.io.IOException;
import java.io.InputStream;

/** Port: encodes a finished recording into the live ladder's HLS renditions (ffmpeg), for players that stream VOD. */
public interface VodLadder {

    /** Whether it can run here (its tool is installed, and HLS is not switched off). */
    boolean available();

    /** Encodes the recording; hands every file it made to the sink, the master playlist last. */
    void encode(MediaFile recording, Sink sink) throws IOException, InterruptedException;

    /** Where the files go (the stream's storage). */
    @FunctionalInterface
    interface Sink {
        void put(String name, InputStream data, long size) throws IOException;
    }
}
