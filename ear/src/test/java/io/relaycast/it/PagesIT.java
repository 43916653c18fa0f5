package io.relaycast.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;

/**
 * The pages people use every day, each at 1280×800 and on a 390×844 phone: axe-core (from npm,
 * WCAG 2.x A/AA and best practices) finds no violation, nothing is wider than the screen, and on
 * the phone no visible button, input or select is smaller than 44 × 44 px. Plus the journeys that
 * used to lose people: a chat line refused by slow mode stays with its reason, End stream turns the
 * camera off, a denied camera says how to fix it. Screenshots: target/screenshots/page-*.png.
 */
class PagesIT {

    static final Path AXE = Path.of("src/test/browser/node_modules/axe-core/axe.min.js");

    record Viewport(String name, int width, int height, boolean phone) {
    }

    static final List<Viewport> VIEWPORTS = List.of(new Viewport("laptop", 1280, 800, false),
            new Viewport("phone", 390, 844, true));

    private final List<String> findings = new ArrayList<>();

    static String axeSource() throws IOException {
        if (!Files.isReadable(AXE)) {
            throw new AssertionError(AXE.toAbsolutePath() + " is missing: run `npm ci` in ear/src/test/browser "
                    + "(.ci/run does) before the browser tests");
        }
        return Files.readString(AXE);
    }

    @Test
    void everyPageIsAccessibleAndFitsALaptopAndAPhone() throws Exception {
        String axe = axeSource();
        String scheduled = Api.post("/api/livestream/create", Json.createObjectBuilder()
                .add("title", "Town hall " + System.nanoTime())
                .add("scheduledAt", Instant.now().plus(Duration.ofHours(26)).toString()).build().toString(), Api.ALICE)
                .expect(201).json().getString("streamId");
        String ended = Api.createLiveStream(Api.ALICE, "Last week's all-hands " + System.nanoTime());
        Api.post("/api/livestream/" + ended + "/end", "{}", Api.ALICE).expect(200);

        try (Browser staff = Browser.launch(); Browser viewer = Browser.launch()) {
            staff.signIn("alice", "alice-demo");
            audit(staff, axe, "console-idle", "/console", b -> Boolean.TRUE.equals(
                    b.js("return document.getElementById('preview').videoWidth > 0")));
            staff.el("title").sendKeys("Quarterly all-hands " + System.nanoTime());
            staff.el("create").click();
            staff.waitFor("studio shown", d -> staff.el("studio").isDisplayed() ? true : null);
            assertEquals("stream-title", staff.js("return document.activeElement.id"), "focus moves to the studio");
            staff.goLiveInConsole();
            String link = staff.el("watch-link").getAttribute("href");
            String live = link.substring(link.lastIndexOf('/') + 1);
            audit(staff, axe, "console-live", null, b -> "live".equals(b.text("status")));

            audit(viewer, axe, "discovery", "/", b -> Boolean.TRUE.equals(
                    b.js("return document.querySelectorAll('#live li').length > 0")));
            audit(viewer, axe, "signin", "/signin", b -> true);
            audit(viewer, axe, "watch-live", "/watch/" + live, b -> "live".equals(state(b))
                    && Boolean.TRUE.equals(b.js("return document.getElementById('video').currentTime > 0.3")));
            audit(viewer, axe, "watch-scheduled", "/watch/" + scheduled, b -> "scheduled".equals(state(b))
                    && b.el("countdown").isDisplayed());
            audit(viewer, axe, "watch-ended", "/watch/" + ended, b -> "ended".equals(state(b)));
            audit(viewer, axe, "vod", "/vod/" + ended, b -> !"loading".equals(state(b)));
            audit(viewer, axe, "profile", "/profile/alice", b -> true);

            endingTurnsTheCameraOffAndSaysWhatNext(staff);
            audit(staff, axe, "report", "/report/" + ended, b -> b.el("report").isDisplayed());
            assertTrue(findings.isEmpty(), () -> findings.size() + " findings:\n" + String.join("\n", findings));

            // The scheduled page counts down to a start time written in the viewer's own time zone.
            viewer.open("/watch/" + scheduled);
            viewer.waitFor("countdown", d -> viewer.el("countdown").isDisplayed() ? true : null);
            assertTrue(viewer.text("countdown").matches("1 d 0[12]:\\d\\d:\\d\\d"), viewer.text("countdown"));
            assertTrue(viewer.text("overlay-detail").startsWith("Starts "), viewer.text("overlay-detail"));

            aDeniedCameraSaysHowToFixIt(staff);
        }
    }

    /** End stream asks first, then stops every device track and offers the next steps. */
    private static void endingTurnsTheCameraOffAndSaysWhatNext(Browser b) {
        assertEquals("live", b.js("return window.relaycastConsole.devices.media.getVideoTracks()[0].readyState"));
        b.el("end").click();
        assertTrue(b.el("end-dialog").isDisplayed(), "ending asks first");
        b.el("end-cancel").click();
        assertEquals("live", b.text("status"), "Keep streaming keeps it live");
        b.el("end").click();
        b.el("end-confirm").click();
        b.waitFor("ended panel", d -> b.el("ended-panel").isDisplayed() ? true : null);
        assertEquals(Boolean.TRUE, b.js("const m = window.relaycastConsole.devices.media;"
                + "return m.getTracks().length > 0 && m.getTracks().every(t => t.readyState === 'ended')"),
                "every camera and microphone track stopped");
        assertEquals("ended-heading", b.js("return document.activeElement.id"), "focus moves to what comes next");
        assertTrue(b.el("ended-report").getAttribute("href").contains("/report/"));
    }

    /** A camera the browser refuses: a banner that says what to do, with Retry. */
    private static void aDeniedCameraSaysHowToFixIt(Browser b) {
        b.driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                "const gum = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);"
                        + "navigator.mediaDevices.getUserMedia = (c) => c && c.video"
                        + " ? Promise.reject(new DOMException('Permission denied', 'NotAllowedError')) : gum(c);"));
        b.open("/console");
        b.waitFor("device banner", d -> b.el("device-banner").isDisplayed() ? true : null);
        assertTrue(b.text("device-note").contains("Allow the camera"), b.text("device-note"));
        assertTrue(b.el("device-retry").isDisplayed());
    }

    @Test
    void aChatLineRefusedBySlowModeStaysWithItsReason() throws Exception {
        var created = Api.createStream(Api.ALICE, "Slow chat " + System.nanoTime());
        String id = created.getString("streamId");
        Api.send("PUT", "/api/livestream/" + id + "/chat-settings", "{\"slowModeSeconds\":60,\"signedInOnly\":false}",
                Api.ALICE).expect(200);
        // a broadcaster on the line, or the stream would end after its grace period
        try (WsClient broadcaster = WsClient.broadcaster(id, created.getString("streamKey")).keepAlive();
             Browser guest = Browser.launch()) {
            Api.post("/api/livestream/" + id + "/start", null, Api.ALICE).expect(200);
            guest.open("/watch/" + id);
            guest.waitFor("chat open to guests", d -> guest.el("chat-input").isEnabled() ? true : null);
            guest.el("chat-input").sendKeys("first question", Keys.ENTER);
            guest.waitFor("first line shown", d -> {
                assertEquals("", guest.text("chat-reason"), "the first line is not refused");
                return guest.text("chat").contains("first question") ? true : null;
            });
            guest.waitFor("box emptied once accepted", d -> guest.el("chat-input").getAttribute("value").isEmpty()
                    ? true : null);
            guest.el("chat-input").sendKeys("second question", Keys.ENTER);
            guest.waitFor("reason shown", d -> guest.text("chat-reason").contains("again in") ? true : null);
            assertTrue(guest.text("chat-reason").startsWith("Slow mode"), guest.text("chat-reason"));
            assertEquals("second question", guest.el("chat-input").getAttribute("value"), "the refused text stays");
            assertFalse(guest.el("chat-send").isEnabled(), "Send waits for the slow-mode window");
            assertFalse(guest.text("chat").contains("second question"));
            guest.screenshot("page-watch-slow-mode");
        }
    }

    private static String state(Browser b) {
        return b.el("state").getAttribute("data-state");
    }

    /** Opens the page (null: stays) at each viewport, waits until it is ready, and checks it. */
    private void audit(Browser b, String axe, String name, String path, Predicate<Browser> ready) throws IOException {
        for (Viewport v : VIEWPORTS) {
            b.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", v.width(),
                    "height", v.height(), "deviceScaleFactor", 1, "mobile", v.phone()));
            b.driver.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", v.phone(),
                    "maxTouchPoints", v.phone() ? 5 : 1));
            if (path != null) {
                b.open(path);
            }
            b.waitFor(name + " ready", Duration.ofSeconds(30), d -> ready.test(b) ? true : null);
            b.js("return new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
            b.screenshot("page-" + name + "-" + v.name());
            String where = name + " @" + v.name() + ": ";
            b.js(axe);
            Object violations = b.driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                    + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa',"
                    + " 'wcag22aa', 'best-practice']}}).then(r => done(r.violations.map(x => x.id + ' (' + x.impact"
                    + " + '): ' + x.help + ' — ' + x.nodes.slice(0, 4).map(n => n.target.join(' ')).join(', '))))"
                    + ".catch(e => done(['axe failed: ' + e]));");
            ((List<?>) violations).forEach(x -> findings.add(where + x));
            Object wide = b.js("const w = document.documentElement.scrollWidth;"
                    + "return w > window.innerWidth ? w : 0;");
            if (((Number) wide).intValue() > 0) {
                findings.add(where + "the page is " + wide + " px wide, wider than the screen ("
                        + v.width() + " px)");
            }
            if (v.phone()) {
                Object small = b.js("return [...document.querySelectorAll('button, input, select, textarea')]"
                        + ".map(e => [e, e.getBoundingClientRect()])"
                        + ".filter(([e, r]) => r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden'"
                        + " && (r.width < 44 || r.height < 44))"
                        + ".map(([e, r]) => (e.id || e.name || e.type || e.tagName) + ' ' + Math.round(r.width) + 'x'"
                        + " + Math.round(r.height))");
                ((List<?>) small).forEach(x -> findings.add(where + "touch target smaller than 44×44 px: " + x));
            }
        }
        b.driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        b.driver.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", false));
    }
}
