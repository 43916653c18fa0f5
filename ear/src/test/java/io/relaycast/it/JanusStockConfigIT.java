package io.relaycast.it;

import static io.relaycast.it.Api.ALICE;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A Janus an operator already runs, with Debian's stock VideoRoom configuration (rooms named by
 * number: string_ids off): SFU streams work there too, in rooms numbered from the stream id.
 */
class JanusStockConfigIT {

    private static final Path STOCK = Path.of("/etc/janus/janus.plugin.videoroom.jcfg");

    private static void awaitReady() throws InterruptedException {
        JoinLimitsIT.eventually(Duration.ofSeconds(30), () -> Api.get("/health/ready").status() == 200,
                () -> Api.get("/health/ready").body());
    }

    @Test
    void streamsWorkOnJanusWithItsStockConfiguration() throws Exception {
        Janus.requireRunning();
        assertTrue(Files.isRegularFile(STOCK), "Debian's janus package installs " + STOCK);
        Janus.kill();
        try {
            Janus.start("--videoroom-config", STOCK.toString());
            awaitReady();
            try (WsClient b = JanusSfuIT.sfuBroadcaster("Stock Janus")) {
                JanusSfuIT.publish(b); // before the fix: 430 "room should be a positive integer", nothing else
                String id = b.joined().getString("streamId");
                long room = UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8)).getMostSignificantBits()
                        & Long.MAX_VALUE;
                assertTrue(Janus.roomExistsAs(Long.toString(room)), "the stream's room is number " + room);
            }
            // a broadcaster's media reaches a viewer through the numbered room and participants
            try (Browser broadcaster = Browser.launch(); Browser viewer = Browser.launch()) {
                String id = ConsoleBrowserIT.goLive(broadcaster, "Stock Janus " + System.nanoTime(), false, "sfu");
                viewer.open("/watch/" + id);
                viewer.awaitPlaying("video");
            }
        } finally {
            Janus.kill();
            Janus.start();
            awaitReady();
        }
    }
}
