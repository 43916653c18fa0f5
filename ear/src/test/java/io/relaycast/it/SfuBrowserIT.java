package io.relaycast.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.Select;

/**
 * Delivery through a real Janus in headless Chromium: the broadcaster publishes once (one peer
 * connection, simulcast); one, then six viewers decode frames while its upload stays flat; a viewer
 * that picks Low receives a smaller picture.
 */
class SfuBrowserIT {

    /**
     * The console's upload over a few seconds, in kbit/s: bytes sent by each of its connections
     * between two samples (a connection replaced in between counts from its first sample on).
     */
    static double uploadKbps(Browser b) throws InterruptedException {
        String sent = "const done = arguments[arguments.length - 1];"
                + "const seen = window.__sent || (window.__sent = new WeakMap());"
                + "const pcs = [...window.relaycastConsole.peers.values()].map(p => p.pc);"
                + "Promise.all(pcs.map(pc => pc.getStats())).then(all => { let delta = 0;"
                + "  all.forEach((s, i) => { let bytes = 0;"
                + "    s.forEach(r => { if (r.type === 'outbound-rtp') bytes += r.bytesSent || 0; });"
                + "    if (seen.has(pcs[i])) delta += bytes - seen.get(pcs[i]);"
                + "    seen.set(pcs[i], bytes); });"
                + "  done(delta); });";
        ((org.openqa.selenium.JavascriptExecutor) b.driver).executeAsyncScript(sent);
        long t0 = System.nanoTime();
        Thread.sleep(6000);
        long bytes = ((Number) ((org.openqa.selenium.JavascriptExecutor) b.driver).executeAsyncScript(sent)).longValue();
        return bytes * 8 / ((System.nanoTime() - t0) / 1e6);
    }

    @Test
    void sixViewersWhileTheBroadcasterUploadsOnce() throws Exception {
        Janus.requireRunning();
        try (Browser b = Browser.launch(); Browser viewers = Browser.launch()) {
            String id = ConsoleBrowserIT.goLive(b, "SFU " + System.nanoTime(), false, "sfu");
            assertTrue(b.text("delivery").contains("SFU"));
            b.waitFor("published to the SFU", Duration.ofSeconds(30), d -> Boolean.TRUE.equals(b.js(
                    "const p = window.relaycastConsole.peers.get('sfu'); return !!p && p.pc.connectionState === 'connected';"))
                    ? Boolean.TRUE : null);

            viewers.open("/watch/" + id);
            viewers.awaitPlaying("video");
            // The encoder ramps its simulcast layers up over the first seconds: the one-viewer figure
            // is taken once it has settled (two readings within 15 %, at most four), so that the
            // comparison is steady state against steady state.
            double oneViewer = uploadKbps(b);
            for (int i = 0; i < 3; i++) {
                double again = uploadKbps(b);
                boolean settled = Math.abs(again - oneViewer) <= 0.15 * Math.max(again, oneViewer);
                oneViewer = again;
                if (settled) {
                    break;
                }
            }

            List<String> tabs = new ArrayList<>(List.of(viewers.driver.getWindowHandle()));
            for (int i = 0; i < 5; i++) {
                viewers.driver.switchTo().newWindow(WindowType.TAB);
                viewers.open("/watch/" + id);
                tabs.add(viewers.driver.getWindowHandle());
            }
            for (String tab : tabs) {
                viewers.driver.switchTo().window(tab);
                viewers.awaitPlaying("video");
            }
            double sixViewers = uploadKbps(b);
            assertEquals(1L, ((Number) b.js("return window.relaycastConsole.peers.size")).longValue(),
                    "one connection, to the SFU, whatever the audience");
            System.out.printf("sfu-upload-kbps viewers=1 value=%.0f%nsfu-upload-kbps viewers=6 value=%.0f%n",
                    oneViewer, sixViewers);
            assertTrue(sixViewers <= 1.5 * oneViewer, "upload " + oneViewer + " → " + sixViewers + " kbit/s");

            // a viewer that picks Low gets a smaller picture than High
            viewers.driver.switchTo().window(tabs.get(0));
            new Select(viewers.el("layer")).selectByValue("high");
            viewers.waitFor("high layer", Duration.ofSeconds(20), d -> width(viewers) >= 320 ? Boolean.TRUE : null);
            long high = width(viewers);
            new Select(viewers.el("layer")).selectByValue("low");
            viewers.waitFor("low layer (was " + high + " wide)", Duration.ofSeconds(20),
                    d -> width(viewers) < high ? Boolean.TRUE : null);
            new Select(viewers.el("layer")).selectByValue("high");

            // a screen share reaches the SFU's viewers (replaceTrack on the one published connection)
            b.el("share-screen").click();
            viewers.waitFor("viewer shows the screen (16:9)", Duration.ofSeconds(20),
                    d -> ConsoleBrowserIT.aspect(viewers) < 0.6 ? true : null);
            b.el("use-camera").click();
            viewers.waitFor("viewer back on the camera (4:3)", Duration.ofSeconds(20),
                    d -> ConsoleBrowserIT.aspect(viewers) > 0.7 ? true : null);
            System.out.println("join-to-first-frame-ms mode=sfu value=" + ConsoleBrowserIT.firstFrameMs(viewers));

            // Janus dies and comes back: the broadcaster publishes again, the viewer plays again, no reload
            viewers.js("window.beforeRestart = window.relaycastWatch.pc");
            Janus.kill();
            Janus.start();
            viewers.waitFor("a new connection through the restarted SFU", Duration.ofSeconds(45), d -> Boolean.TRUE.equals(
                    viewers.js("const w = window.relaycastWatch; return w.pc !== window.beforeRestart"
                            + " && w.pc && w.pc.connectionState === 'connected';")) ? Boolean.TRUE : null);
            viewers.awaitPlaying("video");

            // the broadcaster's signaling socket drops: it rejoins within the grace period and publishes
            // again; the viewer gets a new offer and plays again
            viewers.js("window.beforeDrop = window.relaycastWatch.pc");
            b.js("window.relaycastConsole.sig.ws.close(4000, 'simulated drop')");
            viewers.waitFor("a new connection after the broadcaster came back", Duration.ofSeconds(30), d -> Boolean.TRUE.equals(
                    viewers.js("const w = window.relaycastWatch; return w.pc !== window.beforeDrop"
                            + " && w.pc && w.pc.connectionState === 'connected';")) ? Boolean.TRUE : null);
            viewers.awaitPlaying("video");
            assertEquals("live", Api.get("/api/livestream/" + id).json().getJsonObject("stream").getString("status"));
        }
    }

    static long width(Browser v) {
        return ((Number) v.js("return document.getElementById('video').videoWidth")).longValue();
    }
}
