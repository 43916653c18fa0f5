package io.relaycast.it;

import static io.relaycast.it.Api.ALICE;
import static io.relaycast.it.Api.get;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.Select;

/**
 * Relay delivery in real browsers: a broadcaster and six viewers at fan-out 2. The broadcaster
 * sends video on at most two connections, every viewer decodes frames (most of them relayed by
 * other viewers), and when a relaying viewer's tab is closed every remaining viewer plays again
 * within 5 s.
 */
class RelayBrowserIT {

    @Test
    void sixViewersThroughARelayTreeAndARepair() throws Exception {
        try (Browser console = Browser.launch(); Browser first = Browser.launch(); Browser second = Browser.launch()) {
            console.signIn("alice", "alice-demo");
            console.waitFor("console shown", d -> console.el("console").isDisplayed() ? Boolean.TRUE : null);
            console.el("title").sendKeys("Relay tree " + System.nanoTime());
            new Select(console.el("delivery-mode")).selectByValue("relay");
            console.js("document.getElementById('relay-fanout').value = '2'");
            console.el("create").click();
            console.waitFor("studio shown", d -> console.el("studio").isDisplayed() ? Boolean.TRUE : null);
            console.waitFor("preview playing", d -> Boolean.TRUE.equals(
                    console.js("return document.getElementById('preview').videoWidth > 0")) ? Boolean.TRUE : null);
            console.goLiveInConsole();
            String link = console.el("watch-link").getAttribute("href");
            String id = link.substring(link.lastIndexOf('/') + 1);

            // six viewers: three tabs in each of two browsers; tab → browser
            Map<String, Browser> tabs = new LinkedHashMap<>();
            for (Browser b : new Browser[] {first, second}) {
                for (int i = 0; i < 3; i++) {
                    if (i > 0) {
                        b.driver.switchTo().newWindow(WindowType.TAB);
                    }
                    b.open("/watch/" + id);
                    b.awaitPlaying("video");
                    tabs.put(b.driver.getWindowHandle(), b);
                }
            }
            for (Map.Entry<String, Browser> t : tabs.entrySet()) {
                t.getValue().driver.switchTo().window(t.getKey());
                t.getValue().awaitPlaying("video");
            }
            long feeding = ((Number) console.js("return [...window.relaycastConsole.peers.values()]"
                    + ".filter(p => p.pc.getSenders().some(s => s.track && s.track.kind === 'video')).length")).longValue();
            assertTrue(feeding >= 1 && feeding <= 2, "the broadcaster sends video on " + feeding + " connections");

            JsonObject topology = get("/api/livestream/" + id + "/topology", ALICE).expect(200).json();
            System.out.println("relay-topology " + topology);
            assertTrue(topology.getInt("depth") >= 2, "six viewers at fan-out 2 need a second level");
            String relayPeer = topology.getJsonArray("nodes").getValuesAs(JsonObject.class).stream()
                    .filter(n -> n.getInt("depth") == 1 && !n.getJsonArray("children").isEmpty())
                    .findFirst().orElseThrow().getString("peerId");
            console.waitFor("the tree drawn in the console", d -> Integer.parseInt(String.valueOf(
                    console.js("return document.getElementById('topology').dataset.viewers || '0'"))) == 6 ? true : null);

            String relayTab = null;
            for (Map.Entry<String, Browser> t : tabs.entrySet()) {
                t.getValue().driver.switchTo().window(t.getKey());
                if (relayPeer.equals(t.getValue().js("return window.relaycastWatch.peerId"))) {
                    relayTab = t.getKey();
                }
            }
            assertTrue(relayTab != null, "the relaying viewer's tab");
            Browser owner = tabs.remove(relayTab);
            owner.driver.switchTo().window(relayTab);
            long closedAt = System.currentTimeMillis();
            owner.driver.close();
            List<Long> recovered = new ArrayList<>();
            for (Map.Entry<String, Browser> t : tabs.entrySet()) {
                Browser b = t.getValue();
                b.driver.switchTo().window(t.getKey());
                long frames = ((Number) b.js("return window.relaycastWatch.frames")).longValue();
                b.waitFor("playing again after the relay left", Duration.ofSeconds(10), d -> {
                    Object last = b.js("return window.relaycastWatch.decodedAt");
                    long n = ((Number) b.js("return window.relaycastWatch.frames")).longValue();
                    return n > frames + 5 && last instanceof Number l && l.longValue() > closedAt + 300 ? true : null;
                });
                recovered.add(repairGapEnd(b.js("return window.relaycastWatch.gaps"), closedAt));
            }
            long worst = recovered.stream().mapToLong(Long::longValue).max().orElse(0);
            System.out.println("relay-repair-ms worst=" + worst + " all=" + recovered + " (0: no pause over 0.4 s)");
            assertTrue(worst < 5000, "every remaining viewer plays again within 5 s: " + recovered);
            console.screenshot("relay-console");
        }
    }

    /**
     * When a viewer played again after the pause the relay's leaving caused (ms after it left; 0: no
     * pause over 0.4 s): a pause that was under way within a second of the tab closing. Later
     * pauses are the machine stuttering (seven tabs decoding and encoding video on two cores), not
     * the repair; counting them made the figure depend on how long the test took to look.
     */
    static long repairGapEnd(Object gaps, long closedAt) {
        long end = 0;
        for (Object g : (List<?>) gaps) {
            long from = ((Number) ((List<?>) g).get(0)).longValue();
            long to = ((Number) ((List<?>) g).get(1)).longValue();
            if (from <= closedAt + 1000 && to > closedAt) {
                end = Math.max(end, to - closedAt);
            }
        }
        return end;
    }
}
