package io.relaycast.it;

import static io.relaycast.it.Api.ALICE;
import static io.relaycast.it.Api.post;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Recordings and thumbnails in object storage (STORAGE_URL=s3://…): in the PostgreSQL/Redis pass the
 * server stores them in s3proxy (a real S3 API, objects as files under target/backends/s3), and
 * serves them back from there with ranges.
 */
class ObjectStorageIT {

    private static Properties s3() throws Exception {
        Path env = Path.of("target", "s3.env");
        Assumptions.assumeTrue(Files.isRegularFile(env), "object storage is used in the PostgreSQL/Redis pass");
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(env)) {
            p.load(in);
        }
        return p;
    }

    @Test
    void aRecordingLandsInTheBucketAndIsServedFromIt() throws Exception {
        Properties s3 = s3();
        Path bucket = Path.of(s3.getProperty("S3_DATA"), s3.getProperty("S3_BUCKET"));
        String body = "{\"title\":\"Stored " + System.nanoTime() + "\",\"recordingEnabled\":true}";
        String id = post("/api/livestream/create", body, ALICE).expect(201).json().getString("streamId");
        post("/api/livestream/" + id + "/start", null, ALICE).expect(200);
        byte[] webm = RecordingIT.sampleWebm();
        int half = webm.length / 2;
        String chunks = "/api/livestream/" + id + "/recording/segments/0/chunks/";
        assertEquals(201, RecordingIT.put(chunks + 0, Arrays.copyOf(webm, half), "video/webm", ALICE).statusCode());
        assertEquals(200, RecordingIT.put(chunks + 0, Arrays.copyOf(webm, half), "video/webm", ALICE).statusCode(),
                "a retry is found in the bucket");
        assertEquals(201, RecordingIT.put(chunks + 1, Arrays.copyOfRange(webm, half, webm.length), "video/webm", ALICE)
                .statusCode());
        assertTrue(Files.isRegularFile(bucket.resolve(id + "/chunks/0/000001.part")), "chunks are objects");
        post("/api/livestream/" + id + "/end", null, ALICE).expect(200);

        String url = RecordingIT.awaitRecordingUrl(id);
        Path object = bucket.resolve(id + "/recording.webm");
        assertTrue(Files.isRegularFile(object), "the recording is an object in the bucket");
        JoinLimitsIT.eventually(java.time.Duration.ofSeconds(20),
                () -> !Files.exists(bucket.resolve(id + "/chunks/0/000000.part")), () -> "its chunks are still there");
        HttpResponse<byte[]> whole = RecordingIT.getBytes(url, null);
        assertArrayEquals(Files.readAllBytes(object), whole.body(), "served from the bucket");
        assertTrue(RecordingIT.durationSeconds(whole.body()) > 1, "and it plays");
        HttpResponse<byte[]> tail = RecordingIT.getBytes(url, "bytes=100-");
        assertEquals(206, tail.statusCode());
        assertEquals(whole.body().length - 100, tail.body().length);

        // its HLS rendition is stored beside it, and served from the bucket too
        Path master = bucket.resolve(id + "/vod-hls/master.m3u8");
        JoinLimitsIT.eventually(java.time.Duration.ofSeconds(60), () -> Files.isRegularFile(master),
                () -> "no HLS rendition in the bucket");
        assertTrue(Files.isRegularFile(bucket.resolve(id + "/vod-hls/v1/index.m3u8")), "each rendition's playlist");
        assertEquals(Files.readString(master), Api.get("/api/livestream/" + id + "/recording/hls/master.m3u8", ALICE)
                .expect(200).body());
    }
}
