package io.relaycast.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Without OIDC_ISSUER (the H2 pass) nothing of single sign-on shows: no button, no /sso page that
 * would ask for a password outside the guessing limits, and bearer tokens refused with a reason.
 */
class SingleSignOnOffIT {

    @BeforeAll
    static void onlyWithoutAProvider() {
        Assumptions.assumeFalse(Files.exists(Path.of(System.getProperty("relaycast.oidcEnv", "target/oidc.env"))),
                "this pass signs in through a provider (OidcIT)");
    }

    @Test
    void thereIsNoSingleSignOnEntry() {
        Api.Reply sso = Api.get("/sso/signin?next=/console");
        assertEquals(404, sso.status(), sso.body());
        assertTrue(sso.raw().headers().firstValue("WWW-Authenticate").isEmpty(), "no password prompt there");
        assertFalse(Api.get("/signin").expect(200).body().contains("sso-signin"));
    }

    @Test
    void aBearerTokenIsRefusedWithTheReason() throws Exception {
        var r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(Api.BASE + "/api/session")).header("Authorization", "Bearer abc.def.ghi").GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(401, r.statusCode(), r.body());
        assertTrue(r.body().contains("OIDC_ISSUER"), r.body());
    }
}
