package io.relaycast.interfaces.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Single sign-on through the company's OpenID Connect provider, when {@code OIDC_ISSUER} is set
 * (Liberty's client and JWT consumer are configured by oidc/sso.xml from the same settings).
 */
@ApplicationScoped
public class SingleSignOn {

    @Inject
    @ConfigProperty(name = "oidc.issuer")
    Optional<String> issuer;

    @Inject
    @ConfigProperty(name = "oidc.client.id", defaultValue = "relaycast")
    String clientId;

    @Inject
    @ConfigProperty(name = "oidc.user.claim", defaultValue = "preferred_username")
    String userClaim;

    @Inject
    @ConfigProperty(name = "oidc.groups.claim", defaultValue = "groups")
    String groupsClaim;

    /** What the sign-in page's button says: "Sign in with <name>". */
    @Inject
    @ConfigProperty(name = "oidc.provider.name", defaultValue = "your company account")
    String providerName;

    /** A trust store with the provider's certificate, for the application's own calls to it. */
    @Inject
    @ConfigProperty(name = "oidc.trust.store")
    Optional<String> trustStore;

    @Inject
    @ConfigProperty(name = "oidc.trust.store.password")
    Optional<String> trustStorePassword;

    /** The server's address as browsers reach it (OIDC_REDIRECT_BASE), if set. */
    @Inject
    @ConfigProperty(name = "oidc.redirect.base")
    Optional<String> publicBase;

    /** The audience API access tokens must carry; without it no bearer token is taken. */
    @Inject
    @ConfigProperty(name = "oidc.api.audience")
    Optional<String> apiAudience;

    public boolean bearerTokens() {
        return enabled() && apiAudience.filter(s -> !s.isBlank()).isPresent();
    }

    public boolean enabled() {
        return issuer.filter(s -> !s.isBlank()).isPresent();
    }

    public String issuer() {
        return issuer.orElse("");
    }

    public String clientId() {
        return clientId;
    }

    public String userClaim() {
        return userClaim;
    }

    public String groupsClaim() {
        return groupsClaim;
    }

    /** Our front page's address, for the provider to send the browser back to after signing out. */
    public String frontPage(jakarta.servlet.http.HttpServletRequest req) {
        String base = publicBase.filter(s -> !s.isBlank())
                .orElseGet(() -> req.getScheme() + "://" + req.getHeader("Host"));
        return base.replaceAll("/+$", "") + "/";
    }

    public Optional<String> trustStore() {
        return trustStore;
    }

    public Optional<String> trustStorePassword() {
        return trustStorePassword;
    }

    public String providerName() {
        return providerName;
    }
}
