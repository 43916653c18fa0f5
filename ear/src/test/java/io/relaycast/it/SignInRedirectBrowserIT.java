package io.relaycast.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * After sign-in the page goes to ?next= only if it is a path on this server. The variants are the
 * ones that got through the old check: a browser reads "\" as "/" and drops tabs, so "/\host" and
 * "/<tab>/host" became "//host", another site.
 */
class SignInRedirectBrowserIT {

    @Test
    void nextNeverLeadsToAnotherHost() throws Exception {
        String base = URI.create(Api.BASE).getAuthority();
        try (Browser b = Browser.launch()) {
            for (String next : List.of("/%5Cevil.example", "/%09/evil.example", "//evil.example", "/%5C%5Cevil.example",
                    "%2F%2Fevil.example", "https:%2F%2Fevil.example", "/%0A/evil.example")) {
                b.open("/signin?next=" + next);
                b.el("username").sendKeys("carol");
                b.el("password").sendKeys("carol-demo");
                b.el("signin-submit").click();
                b.waitFor("left the sign-in page for " + next, d -> d.getCurrentUrl().contains("/signin") ? null : true);
                URI landed = URI.create(b.driver.getCurrentUrl());
                assertTrue(base.equals(landed.getAuthority()), next + " led to " + landed);
                // a fresh start for the next case without signing out: Liberty remembers signed-out
                // tokens, and signing the same user out and in again within a moment is refused
                // (ConsoleBrowserIT tests sign-out itself)
                b.driver.manage().deleteAllCookies();
            }
            b.open("/signin?next=%2Fprofile%2Fbob");
            b.el("username").sendKeys("carol");
            b.el("password").sendKeys("carol-demo");
            b.el("signin-submit").click();
            b.waitFor("a path on this server is followed", d -> d.getCurrentUrl().endsWith("/profile/bob") ? true : null);
        }
    }
}
