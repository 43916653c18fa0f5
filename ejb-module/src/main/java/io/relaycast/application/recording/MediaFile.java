package io.relaycast.application.recording;

import java.io.IOException;
import java.io.InputStream;

/** A stored media object (a finished recording, a thumbnail): what serving it needs, wherever it lives. */
public interface MediaFile {

    long size() throws IOException;

    /** Reads from {@code offset} to the end (players seek with HTTP ranges). */
    InputStream openAt(long offset) throws IOException;
}
