package io.relaycast.it;

import static io.relaycast.it.Api.ALICE;
import static io.relaycast.it.Api.post;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * Hardening, second round (issue 24, point 5), as an integrator account turned hostile would try
 * it: webhooks aimed at the special-purpose ranges the first round's guard missed, and at names
 * whose resolved address a refusal must not reveal. The test server allows exactly one internal
 * address (its own webhook receiver, 198.18.0.1).
 */
class HostileWebhookIT {

    private static JsonObject register(String url) {
        return post("/api/webhooks", "{\"url\":\"" + url + "\",\"events\":[\"stream.started\"]}", ALICE)
                .expectProblem(400);
    }

    @Test
    void everySpecialPurposeRangeIsRefused() {
        for (String url : new String[] {"http://198.18.0.2/x", "http://198.19.1.1/x", "http://192.0.0.8/x",
                "http://240.0.0.1/x", "http://[::ffff:127.0.0.1]/x", "http://[::127.0.0.1]/x",
                "http://[64:ff9b::7f00:1]/x", "http://[64:ff9b::a9fe:a9fe]/x", "http://[2002:7f00:1::1]/x",
                "http://[2001::1]/x", "http://[2001:db8::1]/x"}) {
            JsonObject p = register(url);
            assertTrue(p.getString("detail").contains("internal"), url + ": " + p);
        }
    }

    @Test
    void aRefusalNeverRevealsTheAddressANameResolvedTo() {
        JsonObject p = register("http://localhost:1/x");
        assertTrue(p.getString("detail").contains("'localhost'"), p.toString());
        assertFalse(p.toString().contains("127.0.0.1") || p.toString().contains("::1"), p.toString());
    }
}
