package io.relaycast.it;

import static io.relaycast.it.Api.ALICE;
import static io.relaycast.it.Api.CAROL;
import static io.relaycast.it.Api.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Requests are judged by their line and headers before their body is read. */
class RequestLimitsIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final long FIFTY_MB = 50L * 1024 * 1024;

    /** A body of zeros that counts how much of it the client was asked to send. */
    static final class CountingZeros extends InputStream {
        final AtomicLong read = new AtomicLong();
        private final long size;

        CountingZeros(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            return read.get() < size ? (read.incrementAndGet() > 0 ? 0 : 0) : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            long left = size - read.get();
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            java.util.Arrays.fill(b, off, off + n, (byte) '0');
            read.addAndGet(n);
            return n;
        }
    }

    /**
     * Before: a 200 MB anonymous body was parsed for 75 s (+1.7 GB heap) before the 401. Now the
     * answer does not wait for the body; the bound is generous (loopback sends 50 MB in ~0.1 s).
     */
    @Test
    void aHugeAnonymousBodyIsRefusedWithoutBeingParsed() throws Exception {
        String id = Api.createLiveStream(ALICE, "Big body " + System.nanoTime());
        CountingZeros body = new CountingZeros(FIFTY_MB);
        HttpRequest request = HttpRequest.newBuilder(URI.create(Api.BASE + "/api/livestream/" + id + "/chat"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> body), FIFTY_MB))
                .build();
        long start = System.nanoTime();
        int status;
        try {
            status = HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (java.io.IOException e) {
            status = -1; // answered and closed while the body was still being sent
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(status == 401 || status == -1, "status " + status);
        assertTrue(millis < 5_000, "refused after " + millis + " ms");
        assertEquals(200, Api.get("/api/livestream/active").status());
    }

    @Test
    void bodiesAreLimitedBySizeAndType() {
        String id = Api.createLiveStream(ALICE, "Limits " + System.nanoTime());
        String base = "/api/livestream/" + id;
        post(base + "/chat", "{\"message\":\"" + "x".repeat(70_000) + "\"}", CAROL).expectProblem(413);
        Api.send("POST", base + "/end", "recordingUrl=/x", ALICE, "text/plain").expectProblem(415);
        Api.send("POST", base + "/end", "{}", ALICE, "application/x-www-form-urlencoded").expectProblem(415);
        post(base + "/start", null, null).expectProblem(401);
        Api.send("DELETE", base, null, null).expectProblem(401);
        assertEquals("live", Api.get(base).json().getJsonObject("stream").getString("status"));
    }

    @Test
    void recordingUrlsStayOnThisServerOrAllowedHosts() {
        for (String url : new String[] {"//evil.example/x.exe", "/\\\\evil.example/x", "https://evil.example/x.webm",
                "/\\t/evil.example", "javascript:alert(1)"}) {
            String id = Api.createLiveStream(ALICE, "Url " + System.nanoTime());
            post("/api/livestream/" + id + "/end", "{\"recordingUrl\":\"" + url + "\"}", ALICE).expectProblem(400);
        }
        String id = Api.createLiveStream(ALICE, "Url ok " + System.nanoTime());
        post("/api/livestream/" + id + "/end", "{\"recordingUrl\":\"/api/livestream/" + id + "/recording\"}", ALICE)
                .expect(200);
    }

    @Test
    void responsesWithTheStreamKeyAreNeverCached() {
        Api.Reply created = post("/api/livestream/create", "{\"title\":\"Key " + System.nanoTime() + "\"}", ALICE).expect(201);
        assertTrue(created.raw().headers().firstValue("Cache-Control").orElse("").contains("no-store"));
        JsonObject body = created.json();
        Api.Reply owner = Api.get("/api/livestream/" + body.getString("streamId"), ALICE).expect(200);
        assertTrue(owner.body().contains(body.getString("streamKey")));
        assertTrue(owner.raw().headers().firstValue("Cache-Control").orElse("").contains("no-store"));
    }
}
