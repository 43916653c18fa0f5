package io.relaycast.infrastructure.storage;

import io.relaycast.application.recording.MediaFile;
import io.relaycast.application.recording.ScratchFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;

/** A media or scratch file on the local disk. */
public record LocalFile(Path path) implements ScratchFile {

    private static final Logger LOG = Logger.getLogger(LocalFile.class.getName());

    /** The local path of a scratch file: tools such as ffmpeg work on local files only. */
    public static Path pathOf(MediaFile file) {
        if (file instanceof LocalFile local) {
            return local.path();
        }
        throw new IllegalArgumentException("not a local file: " + file);
    }

    @Override
    public long size() throws IOException {
        return Files.size(path);
    }

    @Override
    public InputStream openAt(long offset) throws IOException {
        SeekableByteChannel channel = Files.newByteChannel(path);
        channel.position(offset);
        return Channels.newInputStream(channel);
    }

    @Override
    public OutputStream create() throws IOException {
        return Files.newOutputStream(path);
    }

    @Override
    public void discard() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            LOG.fine(() -> "could not delete " + path + ": " + e);
        }
    }
}
