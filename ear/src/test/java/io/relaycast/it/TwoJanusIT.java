package io.relaycast.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Two Janus instances (JANUS_URLS) with a capacity of five viewers each: a Relaycast node of its
 * own drives them. Twelve synthetic viewers (bench/sfu-load.mjs) join an SFU stream: five stay on
 * the first Janus, the stream is cascaded to the second (remote publisher fed by an RTP forwarder)
 * for the next five, the rest go back to the first (all full: served rather than refused); every
 * one receives video. Then the second Janus is killed: its viewers get new offers from the first
 * and receive video again, without a reload. Then streams placed on either instance, and the loss
 * of one stream's home ({@link #aStreamOnAJanusThatDiesIsPublishedAgainElsewhere}); then a second
 * node's viewers ({@link #viewersThroughAnotherNodeGoToTheCopyItsNodeMade}).
 */
class TwoJanusIT {

    private static final int SECOND_PORT = 18189;
    private static final int VIEWERS = 12;
    private static final String BOTH = "ws://127.0.0.1:" + Janus.PORT + ",ws://127.0.0.1:" + SECOND_PORT;
    private static final String CLUSTER = "relaycast_sfu_instance_cluster_subscribers";
    private static final Pattern MOVED = Pattern.compile("new offers \\(moved, or republished\\)\\s+(\\d+) viewers, (\\d+) of them");

    @Test
    void anAudiencePastCapacityIsCascadedAndMovedWhenAJanusDies() throws Exception {
        Janus.requireRunning();
        SfuLoadIT.requireLoadClient();
        Process second = startSecondJanus();
        Map<String, String> settings = Map.of("JANUS_URLS", BOTH, "JANUS_MAX_SUBSCRIBERS", "5", "DELIVERY_DEFAULT", "sfu");
        try (NodeProcess node = NodeProcess.start("janus2", 19182, NodeProcess.backends(), settings);
             NodeProcess other = NodeProcess.start("janus2b", 19183, NodeProcess.backends(), settings)) {
            node.awaitReady(Duration.ofSeconds(180));
            other.awaitReady(Duration.ofSeconds(180));
            Path out = Files.createTempFile("two-janus", ".log");
            Process load = SfuLoadIT.loadClient(out, BOTH,
                    "--viewers=" + VIEWERS, "--base=" + node.base(), "--ramp=2", "--measure=25", "--timeout=90",
                    "--procs=1").start();
            awaitLine(out, "first keyframe " + VIEWERS + " of " + VIEWERS, load);

            String metrics = Api.sendTo(node.base(), "GET", "/metrics?scope=application", null, null, null).body();
            assertEquals(5, gauge(metrics, "2"), "the second Janus holds its capacity:\n" + metrics);
            assertEquals(VIEWERS - 5, gauge(metrics, "1"), "the first holds the rest");
            String ready = Api.sendTo(node.base(), "GET", "/health/ready", null, null, null).body();
            assertTrue(ready.contains("\"janus-2\":\"UP\""), "each instance in readiness: " + ready);

            second.destroyForcibly(); // as a crash: its viewers are moved to the first
            second.onExit().get(10, TimeUnit.SECONDS);

            String log = finished(load, out, 150);
            Matcher last = SfuLoadIT.summary(log);
            assertEquals(VIEWERS, Integer.parseInt(last.group(2)), "every viewer receives video at the end:\n" + log);
            Matcher moved = MOVED.matcher(log);
            assertTrue(moved.find(), log);
            assertTrue(Integer.parseInt(moved.group(1)) >= 5, "the second Janus's viewers got new offers:\n" + log);
            assertEquals(moved.group(1), moved.group(2), "and receive on their new connection:\n" + log);
            String after = Api.sendTo(node.base(), "GET", "/metrics?scope=application", null, null, null).body();
            assertEquals(0, gauge(after, "2"), after);
            Api.Reply readyAfter = Api.sendTo(node.base(), "GET", "/health/ready", null, null, null);
            assertEquals(200, readyAfter.status(), "an instance that answers keeps the node ready: " + readyAfter.body());
            assertTrue(readyAfter.body().contains("\"janus-2\":\"DOWN\""), readyAfter.body());

            second = startSecondJanus(); // back: the node connects to it again by itself (every 5 s)
            JoinLimitsIT.eventually(Duration.ofSeconds(20), () -> Api.sendTo(node.base(), "GET", "/health/ready", null, null,
                    null).body().contains("\"janus-2\":\"UP\""), () -> "janus-2 not UP again");

            second = aStreamOnAJanusThatDiesIsPublishedAgainElsewhere(node, second);
            viewersThroughAnotherNodeGoToTheCopyItsNodeMade(node, other);
        } finally {
            second.destroyForcibly();
        }
    }

    /**
     * Streams are placed on the least-loaded instance: one published first goes to the first Janus
     * (a tie), the load client's next to the second, cascaded onto the first past five viewers. The
     * second is killed: only its stream is affected — its broadcaster publishes again (on the first),
     * and all its viewers, the cascaded ones too, get new offers and receive again; the other stream
     * is not touched. Returns the second Janus, started again.
     */
    private static Process aStreamOnAJanusThatDiesIsPublishedAgainElsewhere(NodeProcess node, Process second)
            throws Exception {
        try (WsClient other = publishedAt(node.base(), "Placed first")) {
            Path out = Files.createTempFile("two-janus-placed", ".log");
            Process load = SfuLoadIT.loadClient(out, BOTH,
                    "--viewers=" + VIEWERS, "--base=" + node.base(), "--ramp=2", "--measure=30", "--timeout=90",
                    "--procs=1").start();
            awaitLine(out, "first keyframe " + VIEWERS + " of " + VIEWERS, load);
            String metrics = Api.sendTo(node.base(), "GET", "/metrics?scope=application", null, null, null).body();
            assertEquals(VIEWERS - 5, gauge(metrics, "2"), "the new stream is placed on the less loaded second:\n" + metrics);
            assertEquals(5, gauge(metrics, "1"), "and cascaded onto the first past its capacity");

            second.destroyForcibly(); // the stream's home crashes
            second.onExit().get(10, TimeUnit.SECONDS);
            String log = finished(load, out, 150);
            assertEquals(VIEWERS, Integer.parseInt(SfuLoadIT.summary(log).group(2)), "every viewer receives again:\n" + log);
            Matcher moved = MOVED.matcher(log);
            assertTrue(moved.find(), log);
            assertEquals(VIEWERS, Integer.parseInt(moved.group(1)), "all of them got new offers (republished):\n" + log);
            // (through the first: the second is dead)
            assertEquals(moved.group(1), moved.group(2), "and receive on their new connection:\n" + log);
            assertTrue(other.all().stream().noneMatch(m -> "sfu:restart".equals(m.getString("type", ""))),
                    "the stream on the first Janus was not touched: " + other.all());
        }
        Process again = startSecondJanus();
        JoinLimitsIT.eventually(Duration.ofSeconds(20), () -> Api.sendTo(node.base(), "GET", "/health/ready", null, null,
                null).body().contains("\"janus-2\":\"UP\""), () -> "janus-2 not UP again");
        return again;
    }

    /**
     * A cluster: the broadcaster publishes through one node, twelve viewers join through the other.
     * Past five on the stream's Janus, the other node asks the broadcaster's node for a copy on the
     * other Janus (it cannot forward a publication it does not hold) and sends its next viewers there.
     */
    private static void viewersThroughAnotherNodeGoToTheCopyItsNodeMade(NodeProcess node, NodeProcess other)
            throws Exception {
        Path out = Files.createTempFile("two-janus-cluster", ".log");
        Process load = SfuLoadIT.loadClient(out, BOTH,
                "--viewers=" + VIEWERS, "--base=" + node.base(), "--viewer-base=" + other.base(), "--ramp=3",
                "--measure=8", "--timeout=90", "--procs=1").start();
        awaitLine(out, "first keyframe " + VIEWERS + " of " + VIEWERS, load);
        String metrics = Api.sendTo(other.base(), "GET", "/metrics?scope=application", null, null, null).body();
        int first = gauge(metrics, "1");
        int onCopy = Math.min(first, gauge(metrics, "2")); // (the stream is on the less loaded of the two)
        assertTrue(onCopy >= 3 && onCopy <= 5, "the other node's viewers past the capacity went to the copy:\n" + metrics);
        assertEquals(VIEWERS, first + gauge(metrics, "2"), metrics);
        // the broadcaster's node holds none of them, yet counts them on each instance (capacities hold for the cluster)
        JoinLimitsIT.eventually(Duration.ofSeconds(10), () -> {
            String m = Api.sendTo(node.base(), "GET", "/metrics?scope=application", null, null, null).body();
            return gauge(m, CLUSTER, "1") + gauge(m, CLUSTER, "2") == VIEWERS;
        }, () -> "the broadcaster's node does not count the other's viewers");
        String log = finished(load, out, 60);
        assertEquals(VIEWERS, Integer.parseInt(SfuLoadIT.summary(log).group(2)), "every viewer receives:\n" + log);
    }

    /** An SFU stream on the node, started, whose broadcaster has published (a canned offer). */
    private static WsClient publishedAt(String base, String title) {
        jakarta.json.JsonObject created = Api.sendTo(base, "POST", "/api/livestream/create", "{\"title\":\"" + title
                + "\",\"delivery\":\"sfu\"}", Api.ALICE, "application/json").expect(201).json();
        String id = created.getString("streamId");
        WsClient b = WsClient.broadcasterAt(base, id, created.getString("streamKey")).keepAlive();
        Api.sendTo(base, "POST", "/api/livestream/" + id + "/start", null, Api.ALICE, null).expect(200);
        JanusSfuIT.publish(b);
        return b;
    }

    private static Process startSecondJanus() throws Exception {
        Path script = Path.of("..", "liberty-config", "janus", "run-janus.sh");
        List<String> command = new java.util.ArrayList<>(List.of(script.toString(), "--port", Integer.toString(SECOND_PORT),
                "--session-timeout", "15"));
        if (Files.exists(Path.of("/sys/class/net/rc0"))) {
            command.addAll(List.of("--interface", "rc0"));
        }
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(Path.of("target", "janus2.log").toFile()).start();
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline)) {
            try (Socket s = new Socket("127.0.0.1", SECOND_PORT)) {
                return p;
            } catch (java.io.IOException e) {
                Thread.sleep(200);
            }
        }
        p.destroyForcibly();
        throw new AssertionError("the second Janus did not start (target/janus2.log)");
    }

    /** The load client's output once it ended by itself within the time given. */
    private static String finished(Process load, Path out, int seconds) throws Exception {
        if (!load.waitFor(seconds, TimeUnit.SECONDS)) {
            load.destroyForcibly();
            fail("the load client did not finish:\n" + Files.readString(out));
        }
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    private static void awaitLine(Path out, String text, Process load) throws Exception {
        Instant deadline = Instant.now().plusSeconds(90);
        while (Instant.now().isBefore(deadline)) {
            if (Files.readString(out).contains(text)) {
                return;
            }
            if (!load.isAlive()) {
                fail("the load client ended early:\n" + Files.readString(out));
            }
            Thread.sleep(250);
        }
        fail("no '" + text + "' within 90 s:\n" + Files.readString(out));
    }

    /** relaycast_sfu_instance_subscribers (this node's viewers) for one Janus (janus="1" or "2"). */
    private static int gauge(String metrics, String janus) {
        return gauge(metrics, "relaycast_sfu_instance_subscribers", janus);
    }

    private static int gauge(String metrics, String name, String janus) {
        Matcher m = Pattern.compile("^" + name + "\\{[^}]*janus=\"" + janus + "\"[^}]*\\}\\s+(\\S+)",
                Pattern.MULTILINE).matcher(metrics);
        if (!m.find()) {
            throw new AssertionError("no subscribers gauge for janus " + janus + ":\n" + metrics);
        }
        return (int) Double.parseDouble(m.group(1));
    }
}
