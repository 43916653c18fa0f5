package io.relaycast.application.recording;

import java.io.IOException;
import java.io.OutputStream;

/** A temporary file of a stream's media while a recording is built (joined chunks, remuxed parts). */
public interface ScratchFile extends MediaFile {

    /** Writes the file afresh. */
    OutputStream create() throws IOException;

    /** Deletes it; quietly, as clean-up. */
    void discard();
}
