package io.relaycast.it;

import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The tests' Janus (started by src/test/janus/start-janus.sh before the test server) seen from the
 * outside, with its own session: is a room there, stop it, start it again.
 */
final class Janus {

    static final int PORT = 18188;

    private Janus() {
    }

    /** Skips the calling test when Janus is not running, unless RELAYCAST_REQUIRE_JANUS=true (CI). */
    static void requireRunning() {
        if (!listening()) {
            if ("true".equalsIgnoreCase(System.getenv("RELAYCAST_REQUIRE_JANUS"))) {
                fail("Janus is not running on 127.0.0.1:" + PORT + " (apt-get install janus)");
            }
            Assumptions.abort("Janus is not installed (apt-get install janus)");
        }
    }

    static boolean listening() {
        try (Socket s = new Socket("127.0.0.1", PORT)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Asks Janus itself whether the VideoRoom has this room. */
    static boolean roomExists(String room) throws Exception {
        return roomExistsAs("\"" + room + "\"");
    }

    /** {@link #roomExists}, the room named as Janus's JSON has it (a quoted string, or a number). */
    static boolean roomExistsAs(String roomJson) throws Exception {
        BlockingQueue<String> answers = new LinkedBlockingQueue<>();
        WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("janus-protocol")
                .buildAsync(URI.create("ws://127.0.0.1:" + PORT), new WebSocket.Listener() {
                    private final StringBuilder partial = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            answers.add(partial.toString());
                            partial.setLength(0);
                        }
                        w.request(1);
                        return null;
                    }
                }).join();
        try {
            long session = ask(ws, answers, "{\"janus\":\"create\",\"transaction\":\"c\"}").getJsonObject("data")
                    .getJsonNumber("id").longValue();
            long handle = ask(ws, answers, "{\"janus\":\"attach\",\"plugin\":\"janus.plugin.videoroom\",\"session_id\":"
                    + session + ",\"transaction\":\"a\"}").getJsonObject("data").getJsonNumber("id").longValue();
            JsonObject exists = ask(ws, answers, "{\"janus\":\"message\",\"session_id\":" + session + ",\"handle_id\":"
                    + handle + ",\"transaction\":\"e\",\"body\":{\"request\":\"exists\",\"room\":" + roomJson + "}}");
            return exists.getJsonObject("plugindata").getJsonObject("data").getBoolean("exists");
        } finally {
            ws.abort();
        }
    }

    private static JsonObject ask(WebSocket ws, BlockingQueue<String> answers, String request) throws Exception {
        ws.sendText(request, true).join();
        String answer = answers.poll(5, TimeUnit.SECONDS);
        if (answer == null) {
            fail("Janus did not answer " + request);
        }
        return Json.createReader(new StringReader(answer)).readObject();
    }

    /** Kills the tests' Janus (as a crash would) and waits until its port is closed. */
    static void kill() throws Exception {
        Path pid = Path.of(System.getProperty("relaycast.janusPidFile"));
        ProcessHandle.of(Long.parseLong(Files.readString(pid).trim())).ifPresent(p -> {
            p.destroyForcibly();
            p.onExit().orTimeout(10, TimeUnit.SECONDS).join();
        });
    }

    /** Starts it again with the same script as before the tests (and these options of run-janus.sh). */
    static void start(String... options) throws Exception {
        Path script = Path.of("src/test/janus/start-janus.sh");
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(script.toAbsolutePath().toString()));
        command.addAll(java.util.List.of(options));
        Process p = new ProcessBuilder(command).inheritIO().start();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            fail("Janus did not start again");
        }
    }

    /** A minimal WebRTC offer (audio only) that Janus answers; no media will flow from it. */
    static String cannedOffer() {
        String sdp = String.join("\\r\\n", "v=0", "o=- 1234 2 IN IP4 127.0.0.1", "s=-", "t=0 0", "a=group:BUNDLE 0",
                "a=msid-semantic: WMS", "m=audio 9 UDP/TLS/RTP/SAVPF 111", "c=IN IP4 0.0.0.0", "a=rtcp:9 IN IP4 0.0.0.0",
                "a=ice-ufrag:abcd", "a=ice-pwd:abcdefghijklmnopqrstuvwx", "a=ice-options:trickle",
                "a=fingerprint:sha-256 AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99",
                "a=setup:actpass", "a=mid:0", "a=sendonly", "a=msid:s a", "a=rtcp-mux", "a=rtpmap:111 opus/48000/2", "");
        return "{\"type\":\"offer\",\"sdp\":\"" + sdp + "\"}";
    }

    static Duration sessionTimeout() {
        return Duration.ofSeconds(15); // --session-timeout in start-janus.sh
    }
}
