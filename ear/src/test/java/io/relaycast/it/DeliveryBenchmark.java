package io.relaycast.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WindowType;

/**
 * Benchmark, not a test (prints figures, asserts nothing; not an *IT, so only run when named:
 * -Dit.test=DeliveryBenchmark):
 * P2P and SFU side by side in one run — join → first frame, and the broadcaster's upload and CPU
 * at 1, 4 and 8 viewers. Run inside the loopback-only namespace with Janus (see README).
 */
class DeliveryBenchmark {

    @Test
    void p2pAndSfuSideBySide() throws Exception {
        Janus.requireRunning();
        System.out.println("delivery-bench mode viewers upload_kbps broadcaster_cpu_percent first_frame_ms");
        for (String mode : List.of("p2p", "sfu")) {
            run(mode);
        }
    }

    private static void run(String mode) throws Exception {
        try (Browser b = Browser.launch(); Browser viewers = Browser.launch()) {
            String id = ConsoleBrowserIT.goLive(b, "Bench " + mode + " " + System.nanoTime(), false, mode);
            b.waitFor("delivering", Duration.ofSeconds(30), d -> Boolean.TRUE.equals(b.js(
                    "return [...window.relaycastConsole.peers.values()].every(p => p.pc.connectionState === 'connected')"))
                    ? Boolean.TRUE : null);
            List<String> tabs = new ArrayList<>();
            for (int target : new int[] {1, 4, 8}) {
                long firstFrame = -1;
                while (tabs.size() < target) {
                    if (!tabs.isEmpty()) {
                        viewers.driver.switchTo().newWindow(WindowType.TAB);
                    }
                    viewers.open("/watch/" + id);
                    tabs.add(viewers.driver.getWindowHandle());
                    viewers.awaitPlaying("video");
                    firstFrame = ConsoleBrowserIT.firstFrameMs(viewers);
                }
                Thread.sleep(3000); // settle (bitrate ramp-up)
                double cpu0 = b.cpuSeconds();
                long t0 = System.nanoTime();
                double kbps = SfuBrowserIT.uploadKbps(b);
                double cpu = (b.cpuSeconds() - cpu0) / ((System.nanoTime() - t0) / 1e9) * 100;
                System.out.printf("delivery-bench %s %d %.0f %.0f %d%n", mode, target, kbps, cpu, firstFrame);
            }
            b.screenshot("bench-" + mode);
            viewers.waitFor("last viewer still playing", Duration.ofSeconds(10), d -> Boolean.TRUE);
        }
    }
}
