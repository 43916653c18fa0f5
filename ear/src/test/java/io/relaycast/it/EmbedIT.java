package io.relaycast.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonObject;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * /embed/{id} in an intranet page: framed from an origin in EMBED_ALLOWED_ORIGINS it plays its
 * part (the player, the chat only with ?chat=1); framed from any other origin, or any other page
 * of ours framed at all, the browser refuses it (CSP frame-ancestors).
 */
class EmbedIT {

    static final int ALLOWED_PORT = 19097; // EMBED_ALLOWED_ORIGINS in the test server's server.env
    static final int OTHER_PORT = 19096;

    /** An intranet page on 127.0.0.1:port whose only content is a frame of {@code src}. */
    private static HttpServer intranet(int port, String src) throws Exception {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 0);
        s.createContext("/", x -> {
            byte[] page = ("<!DOCTYPE html><title>Intranet</title><iframe id=f width=800 height=600 src=\"" + src
                    + "\"></iframe>").getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            x.sendResponseHeaders(200, page.length);
            x.getResponseBody().write(page);
            x.close();
        });
        s.start();
        return s;
    }

    /** Whether the frame shows our page (its #state element), switching back afterwards. */
    private static boolean framedPageShown(Browser b) {
        b.driver.switchTo().frame("f");
        try {
            boolean shown = !b.driver.findElements(By.id("state")).isEmpty();
            if (!shown) {
                System.out.println("embed frame: " + b.js("return location.href + ' ' + document.readyState + ' '"
                        + " + (document.body ? document.body.innerText.slice(0, 200) : '')"));
            }
            return shown;
        } finally {
            b.driver.switchTo().defaultContent();
        }
    }

    @Test
    void theEmbedIsFramedOnlyByAllowedOrigins() throws Exception {
        JsonObject created = Api.createStream(Api.ALICE, "Embedded " + System.nanoTime());
        String id = created.getString("streamId");
        String embed = Api.BASE + "/embed/" + id;
        String csp = Api.get("/embed/" + id).raw().headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("frame-ancestors http://127.0.0.1:19097"), csp);
        String watchCsp = Api.get("/watch/" + id).raw().headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(watchCsp.contains("frame-ancestors 'none'"), "every other page still refuses frames: " + watchCsp);

        HttpServer allowed = intranet(ALLOWED_PORT, embed + "?chat=1");
        HttpServer other = intranet(OTHER_PORT, embed);
        try (Browser b = Browser.launch()) {
            b.at("http://127.0.0.1:" + ALLOWED_PORT).open("/");
            b.waitFor("the embed shown in the allowed page's frame", Duration.ofSeconds(20),
                    d -> framedPageShown(b) ? true : null);
            b.driver.switchTo().frame("f");
            assertEquals("scheduled", b.el("state").getAttribute("data-state"));
            assertTrue(b.el("chat-heading").isDisplayed(), "?chat=1 shows the chat");
            assertTrue(b.driver.findElements(By.id("top")).isEmpty(), "no site header in the embed");
            b.driver.switchTo().defaultContent();

            b.at("http://127.0.0.1:" + OTHER_PORT).open("/");
            // whatever the frame ends up showing, it has finished loading (a refusal is an error page)
            b.waitFor("the frame settled", Duration.ofSeconds(20), d -> {
                b.driver.switchTo().frame("f");
                try {
                    return Boolean.TRUE.equals(b.js("return location.href !== 'about:blank'"
                            + " && document.readyState === 'complete'")) ? true : null;
                } finally {
                    b.driver.switchTo().defaultContent();
                }
            });
            assertTrue(!framedPageShown(b), "framed from an origin not in EMBED_ALLOWED_ORIGINS: refused");
        } finally {
            allowed.stop(0);
            other.stop(0);
        }
    }
}
