package io.relaycast.it;

import static io.relaycast.it.Api.ALICE;
import static io.relaycast.it.Api.BOB;
import static io.relaycast.it.Api.get;
import static io.relaycast.it.Api.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Staff features in real browsers: a moderator deletes a chat line from the watch page and it
 * disappears from a viewer's page; a pin appears live on the watch page, as text with a safe link;
 * the console draws the stream's chart (uPlot) and the report page its totals.
 */
class StaffBrowserIT {

    @Test
    void moderationPinsAndCharts() throws Exception {
        try (Browser console = Browser.launch(); Browser viewer = Browser.launch(); Browser moderator = Browser.launch()) {
            String id = ConsoleBrowserIT.goLive(console, "Staff " + System.nanoTime());
            String base = "/api/livestream/" + id;
            viewer.signIn("carol", "carol-demo").open("/watch/" + id);
            moderator.signIn("dave", "dave-demo").open("/watch/" + id);
            for (Browser b : new Browser[] {viewer, moderator}) {
                b.waitFor("joined the room", d -> Boolean.TRUE.equals(b.js("return !!window.relaycastWatch.delivery")) ? true : null);
            }

            long line = post(base + "/chat", Api.chatBody("please delete me"), BOB).expect(201).json()
                    .getJsonNumber("messageId").longValue();
            By lineOnPage = By.cssSelector("#chat li[data-id='" + line + "']");
            viewer.waitFor("the line on the viewer's page", d -> d.findElements(lineOnPage).isEmpty() ? null : true);
            assertTrue(viewer.driver.findElements(By.cssSelector("#chat button.mod")).isEmpty(), "viewers get no staff buttons");
            WebElement delete = moderator.waitFor("the moderator's delete button",
                    d -> d.findElements(By.cssSelector("#chat li[data-id='" + line + "'] button.delete")).stream()
                            .findFirst().orElse(null));
            delete.click();
            viewer.waitFor("the line gone from the viewer's page", d -> d.findElements(lineOnPage).isEmpty() ? true : null);
            assertFalse(get(base + "/chat").body().contains("please delete me"));

            String pinId = post(base + "/pins", "{\"title\":\"<b>Enterprise</b> plan\",\"url\":\"https://example.com/buy\","
                    + "\"price\":\"€49\"}", ALICE).expect(201).json().getString("pinId");
            By card = By.cssSelector("#pins li.pin[data-pin-id='" + pinId + "']");
            WebElement pin = viewer.waitFor("the pin on the watch page", d -> d.findElements(card).stream().findFirst().orElse(null));
            assertTrue(pin.getText().contains("<b>Enterprise</b> plan"), "rendered as text: " + pin.getText());
            assertTrue(pin.findElements(By.tagName("b")).isEmpty());
            WebElement link = pin.findElement(By.tagName("a"));
            assertEquals("https://example.com/buy", link.getAttribute("href"));
            assertTrue(link.getAttribute("rel").contains("noopener") && link.getAttribute("rel").contains("noreferrer"));

            console.waitFor("the console's chart drawn", Duration.ofSeconds(30), d -> Boolean.TRUE.equals(console.js(
                    "const c = document.querySelector('#chart .uplot canvas');"
                    + "return !!c && c.width > 0 && Number(document.getElementById('chart').dataset.points) > 0")) ? true : null);
            console.waitFor("the pin listed in the console", d -> d.findElements(By.cssSelector("#pins li.pin")).isEmpty() ? null : true);
            console.screenshot("staff-console");

            console.open("/report/" + id);
            console.waitFor("report totals", d -> console.el("report").isDisplayed() ? true : null);
            assertTrue(Integer.parseInt(console.text("peak")) >= 2, "two viewers watched");
            console.waitFor("the report's chart", d -> Boolean.TRUE.equals(console.js(
                    "return !!document.querySelector('#chart .uplot canvas')")) ? true : null);
            console.screenshot("staff-report");
        }
    }
}
