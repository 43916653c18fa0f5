package io.relaycast.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian chromium (its own process and profile, so each instance is a separate browser)
 * with a fake camera and microphone, driven through Debian's chromedriver.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    final ChromeDriver driver;
    private final Path profile;

    private Browser(String... extraArgs) throws IOException {
        profile = Files.createTempDirectory("relaycast-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,900",
                "--use-fake-device-for-media-stream=fps=15", "--use-fake-ui-for-media-stream",
                "--allow-loopback-in-peer-connection", "--autoplay-policy=no-user-gesture-required",
                // tabs in the background keep decoding and relaying (relay and SFU tests open several)
                "--disable-background-timer-throttling", "--disable-renderer-backgrounding",
                "--disable-backgrounding-occluded-windows",
                "--user-data-dir=" + profile);
        options.addArguments(extraArgs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    }

    /**
     * Browser tests run only where loopback is the only network (a namespace made with
     * {@code unshare -n}, as .ci/run does), so WebRTC cannot gather or send anything elsewhere.
     * Elsewhere, or without chromium, they are skipped, unless RELAYCAST_REQUIRE_BROWSER=true (CI),
     * which turns either into a failure.
     */
    private String base = Api.BASE;

    static Browser launch(String... extraArgs) throws IOException {
        boolean required = "true".equalsIgnoreCase(System.getenv("RELAYCAST_REQUIRE_BROWSER"));
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            if (required) {
                throw new AssertionError("chromium and chromium-driver are not installed");
            }
            Assumptions.abort("chromium/chromium-driver not installed (apt-get install chromium chromium-driver)");
        }
        if (!loopbackOnly()) {
            String how = "run inside a loopback-only network namespace: "
                    + "unshare -rn sh -c 'ip link set lo up && ./mvnw -o verify'";
            if (required) {
                throw new AssertionError("browser tests need a loopback-only network; " + how);
            }
            Assumptions.abort("browser tests skipped outside a loopback-only network; " + how);
        }
        return new Browser(extraArgs);
    }

    /**
     * Nothing but loopback, and the test namespace's veth pair whose only addresses are in the
     * benchmarking range 198.18.0.0/15 (Janus needs a non-loopback interface; it leads nowhere).
     */
    static boolean loopbackOnly() {
        try {
            return java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces()).stream()
                    .allMatch(i -> {
                        try {
                            return i.isLoopback() || !i.isUp() || i.getInterfaceAddresses().stream()
                                    .allMatch(a -> a.getAddress().getHostAddress().startsWith("198.18.")
                                            || a.getAddress().getHostAddress().startsWith("198.19.")
                                            || a.getAddress().isLinkLocalAddress());
                        } catch (java.net.SocketException e) {
                            return false;
                        }
                    });
        } catch (java.net.SocketException e) {
            return false;
        }
    }

    /** Pages from another server than the suite's (the cluster tests' nodes). */
    Browser at(String base) {
        this.base = base;
        return this;
    }

    /** From the next page on, pages run as in a browser without WebRTC (no RTCPeerConnection). */
    Browser withoutWebRtc() {
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", java.util.Map.of("source",
                "delete window.RTCPeerConnection; delete window.webkitRTCPeerConnection;"));
        return this;
    }

    /**
     * From the next page on, WebRTC gets nowhere, as on a network that blocks UDP and offers no TURN:
     * every peer connection is made relay-only without relay servers, so it gathers no candidate.
     */
    Browser withUnreachableWebRtc() {
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", java.util.Map.of("source",
                "const Native = window.RTCPeerConnection;"
                        + "window.RTCPeerConnection = function (config) {"
                        + "  return new Native({ ...(config || {}), iceServers: [], iceTransportPolicy: 'relay' }); };"
                        + "window.RTCPeerConnection.prototype = Native.prototype;"));
        return this;
    }

    Browser open(String path) {
        driver.get(base + path);
        return this;
    }

    Browser signIn(String user, String password) {
        open("/signin");
        submitSignIn(user, password);
        try {
            waitFor("signed in as " + user, Duration.ofSeconds(10), d -> user.equals(d.findElement(By.id("who")).getText()));
        } catch (org.openqa.selenium.TimeoutException e) {
            // a loaded headless Chromium has been seen to drop the click or garble the typing: once more
            System.out.println("sign-in as " + user + " not taken (" + driver.getCurrentUrl() + "), trying again");
            open("/signin");
            submitSignIn(user, password);
            waitFor("signed in as " + user, d -> user.equals(d.findElement(By.id("who")).getText()));
        }
        return this;
    }

    private void submitSignIn(String user, String password) {
        WebElement name = driver.findElement(By.id("username"));
        name.clear();
        name.sendKeys(user);
        WebElement secret = driver.findElement(By.id("password"));
        secret.clear();
        secret.sendKeys(password);
        driver.findElement(By.id("signin-submit")).click();
    }

    /**
     * CPU seconds (user + system) used so far by this browser's processes (all Chromium processes
     * with its own profile directory), from /proc. For benchmarks.
     */
    double cpuSeconds() throws IOException {
        double ticks = 0;
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(d -> d.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                try {
                    String cmd = Files.readString(p.resolve("cmdline")).replace('\0', ' ');
                    if (!cmd.contains("--user-data-dir=" + profile)) {
                        continue;
                    }
                    String stat = Files.readString(p.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
                } catch (IOException | RuntimeException e) {
                    // the process ended meanwhile
                }
            }
        }
        return ticks / 100.0; // USER_HZ
    }

    WebElement el(String id) {
        return driver.findElement(By.id(id));
    }

    String text(String id) {
        return el(id).getText();
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    <T> T waitFor(String what, Function<WebDriver, T> condition) {
        return waitFor(what, Duration.ofSeconds(20), condition);
    }

    <T> T waitFor(String what, Duration timeout, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, timeout, Duration.ofMillis(100))
                .ignoring(StaleElementReferenceException.class)
                .withMessage(() -> what + " (page state: " + diagnostics() + ")")
                .until(condition);
    }

    private String diagnostics() {
        try {
            return String.valueOf(js("return document.getElementById('state')?.textContent + ' | ' + "
                    + "(document.getElementById('status')?.textContent) + ' | ' + location.href + ' | '"
                    + " + (document.getElementById('console-error')?.textContent || '')"));
        } catch (RuntimeException e) {
            return e.getMessage();
        }
    }

    /**
     * Clicks the console's Go live and waits for it. Headless Chromium has been seen to drop that
     * one click now and then (the page shows nothing happened, no request was made): clicked once
     * more after 10 s, with a screenshot and the page's own message for the record.
     */
    void goLiveInConsole() {
        el("go-live").click();
        try {
            waitFor("live", Duration.ofSeconds(10), d -> "live".equals(text("status")) ? Boolean.TRUE : null);
        } catch (org.openqa.selenium.TimeoutException e) {
            try {
                screenshot("go-live-not-taken-" + System.nanoTime());
            } catch (IOException ignored) {
                // the retry matters more than the picture
            }
            System.out.println("go-live not taken (" + js("return [document.getElementById('console-error')?.textContent,"
                    + " document.getElementById('novideo-dialog')?.open].join(' | ')") + "), clicking again");
            if (Boolean.TRUE.equals(js("return document.getElementById('novideo-dialog')?.open === true"))) {
                el("go-live-anyway").click();
            } else {
                el("go-live").click();
            }
            waitFor("live", d -> "live".equals(text("status")) ? Boolean.TRUE : null);
        }
    }

    void screenshot(String name) throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    /** Waits until the page's <video id=...> decodes frames and its time advances. */
    void awaitPlaying(String videoId) {
        waitFor("video " + videoId + " playing", Duration.ofSeconds(30), d -> {
            Object ok = js("const v = document.getElementById(arguments[0]);"
                    + "return v.videoWidth > 0 && v.currentTime > 0.3 && !v.paused;", videoId);
            return Boolean.TRUE.equals(ok) ? Boolean.TRUE : null;
        });
        double t0 = ((Number) js("return document.getElementById(arguments[0]).currentTime;", videoId)).doubleValue();
        waitFor("video " + videoId + " time advancing", Duration.ofSeconds(10), d ->
                ((Number) js("return document.getElementById(arguments[0]).currentTime;", videoId)).doubleValue()
                        > t0 + 0.3 ? Boolean.TRUE : null);
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
