package io.relaycast.interfaces.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SecurityHeadersTest {

    private static final String POLICY = SecurityHeaders.CONTENT_SECURITY_POLICY;

    @Test
    void withSingleSignOnFormsMayAlsoEndAtTheProvidersOriginOnly() {
        String p = SecurityHeaders.withFormTarget(POLICY, "https://login.example.com:8443/realms/staff");
        assertTrue(p.contains("form-action 'self' https://login.example.com:8443;"), p);
        assertEquals(POLICY.replace("form-action 'self'", "form-action 'self' https://login.example.com:8443"), p);
        assertTrue(SecurityHeaders.withFormTarget(POLICY, "https://idp.example.com").contains(
                "form-action 'self' https://idp.example.com;"));
    }

    @Test
    void withoutAUsableIssuerThePolicyIsUnchanged() {
        assertEquals(POLICY, SecurityHeaders.withFormTarget(POLICY, ""));
        assertEquals(POLICY, SecurityHeaders.withFormTarget(POLICY, "not a url"));
        assertEquals(POLICY, SecurityHeaders.withFormTarget(POLICY, "javascript:alert(1)"));
        assertEquals(POLICY, SecurityHeaders.withFormTarget(POLICY, "https://a.example; script-src *"));
    }
}
