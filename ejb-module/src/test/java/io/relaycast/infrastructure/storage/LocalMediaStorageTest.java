package io.relaycast.infrastructure.storage;

import io.relaycast.domain.model.stream.StreamId;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.relaycast.application.recording.MediaFile;
import io.relaycast.application.recording.ScratchFile;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Chunks kept by segment and number: idempotent writes, listings and totals, safe paths. */
class LocalMediaStorageTest {

    private static final StreamId STREAM = StreamId.of("0b6a3c52-8d7e-4a57-9d3c-1f0f2f7c9e11");

    @TempDir
    Path dir;

    LocalMediaStorage storage;

    @BeforeEach
    void setUp() {
        storage = new LocalMediaStorage();
        storage.configuredDir = dir.toString();
        storage.init();
    }

    @Test
    void chunksAreKeptPerSegmentAndWrittenOnce() throws Exception {
        assertEquals(List.of(), storage.segments(STREAM));
        assertTrue(storage.putChunk(STREAM, 0, 1, new byte[] {1, 1}));
        assertTrue(storage.putChunk(STREAM, 0, 0, new byte[] {0}));
        assertTrue(storage.putChunk(STREAM, 2, 0, new byte[] {2, 2, 2}));
        assertFalse(storage.putChunk(STREAM, 0, 1, new byte[] {9, 9, 9, 9}), "a retry is not stored twice");

        assertEquals(List.of(0, 2), storage.segments(STREAM));
        assertEquals(List.of(0, 1), storage.chunks(STREAM, 0));
        assertEquals(List.of(0), storage.chunks(STREAM, 2));
        assertEquals(List.of(), storage.chunks(STREAM, 1));
        assertArrayEquals(new byte[] {1, 1}, Files.readAllBytes(storage.chunkPath(STREAM, 0, 1)));
        assertEquals(6, storage.totalChunkBytes(STREAM));
    }

    @Test
    void aBuiltRecordingIsPublishedAndReadFromAnyOffset() throws Exception {
        assertTrue(storage.existingRecording(STREAM).isEmpty());
        ScratchFile built = storage.scratchFile(STREAM, "built.webm");
        try (OutputStream out = built.create()) {
            out.write(new byte[] {10, 11, 12, 13});
        }
        storage.publishRecording(STREAM, built);
        MediaFile recording = storage.existingRecording(STREAM).orElseThrow();
        assertEquals(4, recording.size());
        try (InputStream in = recording.openAt(2)) {
            assertArrayEquals(new byte[] {12, 13}, in.readAllBytes());
        }
        storage.putChunk(STREAM, 0, 0, new byte[] {7, 8});
        try (InputStream in = storage.openChunk(STREAM, 0, 0)) {
            assertArrayEquals(new byte[] {7, 8}, in.readAllBytes());
        }
    }

    @Test
    void anEmptySegmentDirectoryIsNotASegment() throws Exception {
        Files.createDirectories(storage.chunkPath(STREAM, 3, 0).getParent());
        assertEquals(List.of(), storage.segments(STREAM));
    }

    @Test
    void streamIdsNeverBecomeArbitraryPaths() {
        assertThrows(IllegalArgumentException.class, () -> storage.chunkPath(StreamId.of("../etc"), 0, 0));
        assertThrows(IllegalArgumentException.class, () -> storage.recordingPath(StreamId.of("a/b")));
    }

    @Test
    void totalsAreCountedWhileUploadsComeAndGo() throws Exception {
        assertTrue(storage.putChunk(STREAM, 0, 0, new byte[10]));
        Path chunks = dir.resolve(STREAM.value()).resolve("chunks").resolve("0");
        assertTrue(Files.isDirectory(chunks), "layout: <stream>/chunks/<segment>/");
        AtomicBoolean stop = new AtomicBoolean();
        // Temporary upload files appear and vanish (renamed into place) while the total is read
        Thread uploads = new Thread(() -> {
            for (int i = 0; !stop.get(); i++) {
                try {
                    Path tmp = Files.write(chunks.resolve("upload" + (i % 64) + ".tmp"), new byte[1]);
                    Files.deleteIfExists(tmp);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        });
        uploads.start();
        try {
            long until = System.nanoTime() + 1_500_000_000L;
            while (System.nanoTime() < until) {
                long total = storage.totalChunkBytes(STREAM);
                assertTrue(total >= 10, "the stored chunk is always counted: " + total);
            }
        } finally {
            stop.set(true);
            uploads.join();
        }
    }
}
