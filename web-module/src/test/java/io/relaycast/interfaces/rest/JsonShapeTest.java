package io.relaycast.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonShapeTest {

    static boolean ok(String json) {
        return JsonShape.problem(json.getBytes(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void ordinaryBodiesPass() {
        assertTrue(ok("{\"title\":\"a [b] {c}\",\"x\":[1,{\"y\":\"\\\"]\"}]}"));
        assertTrue(ok("{}"));
        assertTrue(ok(""));
        assertTrue(ok("[".repeat(32) + "]".repeat(32)));
    }

    @Test
    void deepTruncatedOrUnbalancedBodiesAreRefused() {
        assertFalse(ok("[".repeat(33) + "]".repeat(33)));
        assertFalse(ok("{\"x\":" + "[".repeat(1800) + "1" + "]".repeat(1800) + "}"));
        assertFalse(ok("{\"title\":\"t\",\"x\":{\"y\":{\"y\":1}"));
        assertFalse(ok("{\"a\":1}}"));
        assertFalse(ok("{\"a\":\"unterminated}"));
    }
}
