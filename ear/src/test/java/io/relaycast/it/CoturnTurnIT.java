package io.relaycast.it;

import static io.relaycast.it.Api.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * TURN, proven on a real coturn (127.0.0.1:3478, use-auth-secret with the server's secret): the
 * credentials from a real join response allocate a relay; wrong or expired ones are refused.
 * With RELAYCAST_REQUIRE_COTURN=true (set by .ci/run) a missing coturn fails the build instead of
 * skipping these tests.
 */
class CoturnTurnIT {

    private static Coturn coturn;
    private static Path dir;

    @BeforeAll
    static void startCoturn() throws Exception {
        coturn = Coturn.start();
        dir = coturn.dir;
    }

    @AfterAll
    static void stopCoturn() throws Exception {
        if (coturn != null) {
            coturn.close();
        }
    }

    private static JsonObject turnEntry() {
        String id = SignalingNegotiationIT.liveStream("TURN").getString("streamId");
        JsonObject join = post("/api/livestream/" + id + "/join", null, null).expect(200).json();
        return join.getJsonArray("iceServers").getValuesAs(JsonObject.class).stream()
                .filter(s -> s.containsKey("credential")).findFirst().orElseThrow();
    }

    @Test
    void credentialsFromARealJoinAllocateARelay() throws Exception {
        JsonObject turn = turnEntry();
        assertEquals("turn:127.0.0.1:3478", turn.getJsonArray("urls").getString(0));
        Result r = uclient(turn.getString("username"), turn.getString("credential"));
        assertEquals(0, r.exit, r.output);
        assertTrue(r.output.contains("Total lost packets 0"), r.output);
    }

    @Test
    void aWrongCredentialIsRefused() throws Exception {
        JsonObject turn = turnEntry();
        Result r = uclient(turn.getString("username"), "d3Jvbmc=");
        assertNotEquals(0, r.exit, r.output);
        assertTrue(r.output.contains("Cannot complete Allocation"), r.output);
    }

    @Test
    void anExpiredCredentialIsRefused() throws Exception {
        JsonObject turn = turnEntry();
        String viewer = turn.getString("username").split(":", 2)[1];
        String expired = (System.currentTimeMillis() / 1000 - 60) + ":" + viewer;
        Result r = uclient(expired, SecretsIT.turnCredential(SecretsIT.TURN_SECRET, expired));
        assertNotEquals(0, r.exit, r.output);
        // Same signature scheme, fresh expiry: accepted, so it was the expiry that was refused.
        String fresh = (System.currentTimeMillis() / 1000 + 600) + ":" + viewer;
        assertEquals(0, uclient(fresh, SecretsIT.turnCredential(SecretsIT.TURN_SECRET, fresh)).exit);
    }

    private record Result(int exit, String output) {
    }

    private static Result uclient(String user, String credential) throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "uclient", ".log");
        Process p = new ProcessBuilder(List.of("/usr/bin/turnutils_uclient", "-y", "-n", "20", "-m", "1",
                "-l", "200", "-u", user, "-w", credential, "-e", "127.0.0.1", "-X", "127.0.0.1", "127.0.0.1"))
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Result(-1, "timed out: " + Files.readString(out));
        }
        return new Result(p.exitValue(), Files.readString(out));
    }
}
