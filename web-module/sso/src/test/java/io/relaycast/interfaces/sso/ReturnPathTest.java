package io.relaycast.interfaces.sso;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ReturnPathTest {

    @Test
    void aPathOnThisSiteIsKept() {
        assertEquals("/watch/abc?invite=x", ReturnPath.of("/watch/abc?invite=x"));
        assertEquals("/console", ReturnPath.of("/console"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"https://evil.example/", "//evil.example/x", "/\\evil.example", "/a\\b",
        "javascript:alert(1)", "/x\ny", "/x\ty", "/sso/signin", "console"})
    void anythingElseGoesToTheConsole(String next) {
        assertEquals("/console", ReturnPath.of(next));
    }
}
