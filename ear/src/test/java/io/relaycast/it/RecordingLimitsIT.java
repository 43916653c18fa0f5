package io.relaycast.it;

import static io.relaycast.it.Api.BOB;
import static io.relaycast.it.Api.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Recording storage: chunk and segment numbers strictly checked, and the per-user quota
 * (RECORDINGS_MAX_BYTES_PER_USER = 40 MB on the test server) holds under parallel uploads.
 */
class RecordingLimitsIT {

    static final String WEBM = "video/webm";

    /** A live, recording stream with its broadcaster connected (so it stays live while the test runs). */
    static WsClient recordingStream(String credentials) {
        var created = post("/api/livestream/create", "{\"title\":\"Quota " + System.nanoTime()
                + "\",\"recordingEnabled\":true}", credentials).expect(201).json();
        String id = created.getString("streamId");
        WsClient broadcaster = WsClient.broadcaster(id, created.getString("streamKey")).keepAlive();
        post("/api/livestream/" + id + "/start", null, credentials).expect(200);
        return broadcaster;
    }

    static byte[] webmStart(int size) {
        byte[] b = new byte[size];
        b[0] = 0x1A;
        b[1] = 0x45;
        b[2] = (byte) 0xDF;
        b[3] = (byte) 0xA3;
        return b;
    }

    @Test
    void chunkAndSegmentNumbersAreStrict() throws Exception {
        try (WsClient broadcaster = recordingStream(BOB)) {
            checkNumbers(broadcaster.joined().getString("streamId"));
        }
    }

    private static void checkNumbers(String id) throws Exception {
        String base = "/api/livestream/" + id + "/recording/segments/";
        assertEquals(201, RecordingIT.put(base + "0/chunks/0", webmStart(100), WEBM, BOB).statusCode());
        for (String path : List.of("0/chunks/1000000", "0/chunks/9999999", "0/chunks/+1", "0/chunks/%D9%A1",
                "0/chunks/-1", "0/chunks/1e3", "1000/chunks/0", "%EF%BC%91/chunks/0", "0/chunks/%201", "0/chunks/0x1")) {
            HttpResponse<byte[]> r = RecordingIT.put(base + path, new byte[10], WEBM, BOB);
            assertEquals(400, r.statusCode(), path + ": " + new String(r.body()));
        }
        assertEquals(201, RecordingIT.put(base + "0/chunks/999999", new byte[10], WEBM, BOB).statusCode());
    }

    @Test
    void parallelUploadsCannotPassThePerUserQuotaTogether() throws Exception {
        try (WsClient broadcaster = recordingStream(BOB)) {
            fillQuota(broadcaster.joined().getString("streamId"));
        }
        thumbnailsCountTowardTheQuota();
    }

    /** With the quota nearly full, thumbnails of new streams fill the rest and are then refused. */
    private static void thumbnailsCountTowardTheQuota() throws Exception {
        byte[] jpeg = new byte[500_000];
        jpeg[0] = (byte) 0xFF;
        jpeg[1] = (byte) 0xD8;
        jpeg[2] = (byte) 0xFF;
        int status = 0;
        for (int i = 0; i < 6 && status != 413; i++) {
            String id = Api.createLiveStream(BOB, "Thumbnail quota " + i);
            status = RecordingIT.put("/api/livestream/" + id + "/thumbnail", jpeg, "image/jpeg", BOB).statusCode();
            assertTrue(status == 204 || status == 413, "only 204 or 413: " + status);
        }
        assertEquals(413, status, "at most 2 MB was left: four 500 kB thumbnails cannot all fit");
    }

    private static void fillQuota(String id) throws Exception {
        String base = "/api/livestream/" + id + "/recording/segments/0/chunks/";
        assertEquals(201, RecordingIT.put(base + "0", webmStart(1000), WEBM, BOB).statusCode());
        int chunk = 2_000_000;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> uploads = new ArrayList<>();
            for (int seq = 1; seq <= 30; seq++) {
                String path = base + seq;
                uploads.add(pool.submit(() -> RecordingIT.put(path, new byte[chunk], WEBM, BOB).statusCode()));
            }
            int stored = 0;
            int refused = 0;
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : uploads) {
                int status = f.get();
                statuses.add(status);
                if (status == 201) {
                    stored++;
                } else if (status == 413) {
                    refused++;
                }
            }
            assertEquals(30, stored + refused, "only 201 or 413: " + statuses);
            assertTrue(refused > 0, "some uploads must pass the 40 MB quota");
            assertTrue(1000L + (long) stored * chunk <= 40_000_000L, stored + " chunks of 2 MB stored");
        } finally {
            pool.shutdownNow();
        }
    }
}
