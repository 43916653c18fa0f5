package io.relaycast.it;

import static io.relaycast.it.Api.ALICE;
import static io.relaycast.it.Api.BOB;
import static io.relaycast.it.Api.get;
import static io.relaycast.it.Api.post;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Recording upload (numbered, idempotent, checked) and ranged download, over real HTTP. */
class RecordingIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static HttpResponse<byte[]> put(String path, byte[] body, String type, String credentials) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(Api.BASE + path))
                .header("Content-Type", type).PUT(HttpRequest.BodyPublishers.ofByteArray(body));
        if (credentials != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static HttpResponse<byte[]> getBytes(String path, String range) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(Api.BASE + path));
        if (range != null) {
            b.header("Range", range);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A real 2-second WebM made by ffmpeg when it is installed, else bytes that merely start like WebM. */
    static byte[] sampleWebm() throws Exception {
        return sampleWebm(2, "160x120");
    }

    static byte[] sampleWebm(int seconds, String size) throws Exception {
        Path out = Files.createTempFile("sample", ".webm");
        try {
            Process p = new ProcessBuilder("ffmpeg", "-nostdin", "-loglevel", "error", "-y", "-f", "lavfi", "-i",
                    "testsrc=duration=" + seconds + ":size=" + size + ":rate=10", "-c:v", "libvpx", "-b:v", "200k", out.toString())
                    .redirectErrorStream(true).start();
            if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0 && Files.size(out) > 0) {
                return Files.readAllBytes(out);
            }
        } catch (IOException e) {
            // no ffmpeg
        } finally {
            Files.deleteIfExists(out);
        }
        byte[] fake = new byte[30_000];
        Arrays.fill(fake, (byte) 7);
        fake[0] = 0x1A;
        fake[1] = 0x45;
        fake[2] = (byte) 0xDF;
        fake[3] = (byte) 0xA3;
        return fake;
    }

    private static String recordedStream(String credentials) {
        String body = "{\"title\":\"Recorded " + System.nanoTime() + "\",\"recordingEnabled\":true}";
        String id = post("/api/livestream/create", body, credentials).expect(201).json().getString("streamId");
        post("/api/livestream/" + id + "/start", null, credentials).expect(200);
        return id;
    }

    @Test
    void chunksAreIdempotentJoinedInOrderAndServedWithRanges() throws Exception {
        String id = recordedStream(ALICE);
        String chunks = "/api/livestream/" + id + "/recording/segments/0/chunks/";
        byte[] webm = sampleWebm();
        int third = webm.length / 3;
        byte[][] parts = {Arrays.copyOfRange(webm, 0, third), Arrays.copyOfRange(webm, third, 2 * third),
                Arrays.copyOfRange(webm, 2 * third, webm.length)};

        assertEquals(201, put(chunks + 0, parts[0], "video/webm", ALICE).statusCode());
        assertEquals(201, put(chunks + 2, parts[2], "video/webm", ALICE).statusCode()); // out of order is fine
        HttpResponse<byte[]> retry = put(chunks + 0, parts[0], "video/webm", ALICE);
        assertEquals(200, retry.statusCode(), "a retry is not stored twice");
        assertTrue(new String(retry.body(), StandardCharsets.UTF_8).contains("\"duplicate\":true"));
        assertEquals(201, put(chunks + 1, parts[1], "video/webm", ALICE).statusCode());

        get("/api/livestream/" + id + "/recording").expectProblem(404); // not before the end
        post("/api/livestream/" + id + "/end", null, ALICE).expect(200);

        String url = awaitRecordingUrl(id);
        assertEquals("/api/livestream/" + id + "/recording", url);
        HttpResponse<byte[]> whole = getBytes(url, null);
        assertEquals(200, whole.statusCode());
        assertEquals("bytes", whole.headers().firstValue("Accept-Ranges").orElse(""));
        byte[] file = whole.body();
        assertArrayEquals(new byte[] {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3}, Arrays.copyOf(file, 4));

        HttpResponse<byte[]> part = getBytes(url, "bytes=100-199");
        assertEquals(206, part.statusCode());
        assertEquals("bytes 100-199/" + file.length, part.headers().firstValue("Content-Range").orElse(""));
        assertArrayEquals(Arrays.copyOfRange(file, 100, 200), part.body());
        HttpResponse<byte[]> tail = getBytes(url, "bytes=-10");
        assertArrayEquals(Arrays.copyOfRange(file, file.length - 10, file.length), tail.body());
        assertEquals(416, getBytes(url, "bytes=" + (file.length + 5) + "-").statusCode());
    }

    @Test
    void segmentsFromReloadedPagesAreJoinedOneAfterTheOther() throws Exception {
        String id = recordedStream(ALICE);
        String base = "/api/livestream/" + id + "/recording";
        assertEquals(0, post(base + "/segments", null, ALICE).expect(201).json().getInt("segment"));
        assertEquals(0, post(base + "/segments", null, ALICE).expect(201).json().getInt("segment"),
                "a segment without chunks is reused");
        byte[] first = sampleWebm(2, "160x120");
        byte[] second = sampleWebm(3, "320x180");
        assertEquals(201, put(base + "/segments/0/chunks/0", first, "video/webm", ALICE).statusCode());
        // the page is reloaded: it opens the next segment and starts again at chunk 0
        assertEquals(1, post(base + "/segments", null, ALICE).expect(201).json().getInt("segment"));
        int half = second.length / 2;
        assertEquals(201, put(base + "/segments/1/chunks/0", Arrays.copyOf(second, half), "video/webm", ALICE).statusCode());
        assertEquals(201, put(base + "/segments/1/chunks/1", Arrays.copyOfRange(second, half, second.length), "video/webm",
                ALICE).statusCode());
        assertEquals(200, put(base + "/segments/1/chunks/1", Arrays.copyOfRange(second, half, second.length), "video/webm",
                ALICE).statusCode(), "retries stay idempotent per segment");

        post("/api/livestream/" + id + "/end", null, ALICE).expect(200);
        byte[] file = getBytes(awaitRecordingUrl(id), null).body();
        Double seconds = durationSeconds(file);
        if (seconds != null) { // ffprobe installed (always in CI)
            assertEquals(5.0, seconds, 0.6, "both segments, one after the other");
        } else {
            assertTrue(file.length >= first.length, "at least the first segment");
        }
    }

    @Test
    void badSegmentsAreRefused() throws Exception {
        String id = recordedStream(ALICE);
        String base = "/api/livestream/" + id + "/recording";
        byte[] webm = sampleWebm();
        post(base + "/segments", null, BOB).expectProblem(403);
        post(base + "/segments", null, null).expectProblem(401);
        assertEquals(400, put(base + "/segments/-1/chunks/0", webm, "video/webm", ALICE).statusCode());
        assertEquals(400, put(base + "/segments/1000/chunks/0", webm, "video/webm", ALICE).statusCode());
        assertEquals(400, put(base + "/segments/x/chunks/0", webm, "video/webm", ALICE).statusCode());
        assertEquals(415, put(base + "/segments/3/chunks/0", "not a video".getBytes(StandardCharsets.UTF_8),
                "video/webm", ALICE).statusCode(), "chunk 0 of every segment is checked");
        String plain = Api.createLiveStream(ALICE, "Not recorded " + System.nanoTime());
        post("/api/livestream/" + plain + "/recording/segments", null, ALICE).expectProblem(409);
        post("/api/livestream/" + id + "/end", null, ALICE).expect(200);
        post(base + "/segments", null, ALICE).expectProblem(409);
    }

    /** The duration ffprobe reads from a media file, or null without ffprobe. */
    static Double durationSeconds(byte[] media) throws Exception {
        Path file = Files.createTempFile("media", ".webm");
        try {
            Files.write(file, media);
            Process p = new ProcessBuilder("ffprobe", "-v", "error", "-show_entries", "format=duration",
                    "-of", "csv=p=0", file.toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            assertEquals(0, p.waitFor(), out);
            return Double.parseDouble(out);
        } catch (IOException e) {
            return null;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The codecs of a media file's streams, as ffprobe names them (e.g. [vp8, opus]). */
    static java.util.List<String> codecs(byte[] media) throws Exception {
        Path file = Files.createTempFile("media", ".webm");
        try {
            Files.write(file, media);
            Process p = new ProcessBuilder("ffprobe", "-v", "error", "-show_entries", "stream=codec_name",
                    "-of", "csv=p=0", file.toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            assertEquals(0, p.waitFor(), out);
            return java.util.List.of(out.split("\\s+"));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    static String awaitRecordingUrl(String id) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            JsonObject stream = get("/api/livestream/" + id).json().getJsonObject("stream");
            if (stream.containsKey("recordingUrl")) {
                return stream.getString("recordingUrl");
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no recording for " + id + " within 60 s");
    }

    @Test
    void badUploadsAreRefusedClearly() throws Exception {
        String id = recordedStream(ALICE);
        String chunks = "/api/livestream/" + id + "/recording/segments/0/chunks/";
        byte[] webm = sampleWebm();
        assertEquals(401, put(chunks + 0, webm, "video/webm", null).statusCode());
        assertEquals(403, put(chunks + 0, webm, "video/webm", BOB).statusCode());
        assertEquals(415, put(chunks + 0, "not a video".getBytes(StandardCharsets.UTF_8), "video/webm", ALICE).statusCode());
        assertEquals(415, put(chunks + 0, webm, "text/plain", ALICE).statusCode());
        assertEquals(413, put(chunks + 0, new byte[2 * 1024 * 1024 + 1], "video/webm", ALICE).statusCode());
        assertEquals(400, put(chunks + "x", webm, "video/webm", ALICE).statusCode());
        assertEquals(400, put(chunks + "-1", webm, "video/webm", ALICE).statusCode());

        String plain = Api.createLiveStream(ALICE, "Not recorded " + System.nanoTime());
        assertEquals(409, put("/api/livestream/" + plain + "/recording/segments/0/chunks/0", webm, "video/webm", ALICE).statusCode());

        // thumbnails: JPEG only, owner only
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'};
        assertEquals(403, put("/api/livestream/" + id + "/thumbnail", jpeg, "image/jpeg", BOB).statusCode());
        assertEquals(415, put("/api/livestream/" + id + "/thumbnail", webm, "image/jpeg", ALICE).statusCode());
        assertEquals(204, put("/api/livestream/" + id + "/thumbnail", jpeg, "image/jpeg", ALICE).statusCode());
        assertArrayEquals(jpeg, getBytes("/api/livestream/" + id + "/thumbnail", null).body());
        assertEquals("/api/livestream/" + id + "/thumbnail",
                get("/api/livestream/" + id).json().getJsonObject("stream").getString("thumbnailUrl"));
    }
}
