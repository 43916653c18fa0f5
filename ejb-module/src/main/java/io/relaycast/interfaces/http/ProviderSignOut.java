package io.relaycast.interfaces.http;

import com.ibm.websphere.security.auth.WSSubject;
import com.ibm.websphere.security.cred.WSCredential;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Hashtable;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.security.auth.Subject;

/**
 * Signing out of the identity provider too (OpenID Connect RP-initiated logout): Liberty's client
 * does not, so after the local sign-out the browser goes to the provider's
 * {@code end_session_endpoint} (from its discovery document) with the ID token as a hint where
 * Liberty still holds it, and comes back to our front page. Providers without that endpoint keep
 * their session; ours ends all the same.
 */
@ApplicationScoped
public class ProviderSignOut {

    /** After a failed look-up, sign-outs do not wait for the provider again for this long. */
    private static final long RETRY_AFTER_MILLIS = 300_000;
    private static final Logger LOG = Logger.getLogger(ProviderSignOut.class.getName());

    @Inject
    SingleSignOn sso;

    private volatile String endSessionEndpoint;
    private volatile long failedAt = -RETRY_AFTER_MILLIS;

    /** The realm of people signed in through the provider (oidc/sso.xml: realmName). */
    static final String PROVIDER_REALM = "sso";

    /** True when the caller signed in through the provider (not with a registry password). */
    public boolean callerCameThroughProvider() {
        try {
            Subject subject = WSSubject.getCallerSubject();
            if (subject == null) {
                return false;
            }
            for (WSCredential c : subject.getPublicCredentials(WSCredential.class)) {
                if (PROVIDER_REALM.equals(c.getRealmName())) {
                    return true;
                }
            }
        } catch (Exception | LinkageError e) {
            LOG.log(Level.FINE, "no caller realm", e);
        }
        return false;
    }

    /** The caller's ID token, read before the local sign-out forgets it; null if there is none. */
    public String idTokenOfCaller() {
        try {
            Subject subject = WSSubject.getRunAsSubject();
            if (subject == null) {
                return null;
            }
            for (Hashtable<?, ?> h : subject.getPrivateCredentials(Hashtable.class)) {
                if (h.get("id_token") instanceof String token) {
                    return token;
                }
            }
        } catch (Exception | LinkageError e) {
            LOG.log(Level.FINE, "no ID token", e);
        }
        return null;
    }

    /** Where the browser goes to end the provider's session, if single sign-on is on and it says. */
    public Optional<String> url(String idToken, String returnTo) {
        if (!sso.enabled()) {
            return Optional.empty();
        }
        return endSession().map(endpoint -> endpoint + (endpoint.contains("?") ? "&" : "?")
                + "client_id=" + enc(sso.clientId()) + "&post_logout_redirect_uri=" + enc(returnTo)
                + (idToken == null ? "" : "&id_token_hint=" + enc(idToken)));
    }

    private Optional<String> endSession() {
        String known = endSessionEndpoint;
        if (known != null) {
            return Optional.of(known).filter(s -> !s.isEmpty());
        }
        if (System.currentTimeMillis() - failedAt < RETRY_AFTER_MILLIS) {
            return Optional.empty();
        }
        try {
            HttpResponse<String> r = HttpClient.newBuilder().sslContext(ProviderTls.context(sso.trustStore(), sso.trustStorePassword()))
                    .connectTimeout(Duration.ofSeconds(5)).build().send(
                    HttpRequest.newBuilder(URI.create(sso.issuer().replaceAll("/+$", "")
                            + "/.well-known/openid-configuration")).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                failedAt = System.currentTimeMillis();
                LOG.warning("The provider's discovery document answered " + r.statusCode() + ": no provider sign-out");
                return Optional.empty();
            }
            JsonObject doc = Json.createReader(new StringReader(r.body())).readObject();
            endSessionEndpoint = doc.getString("end_session_endpoint", "");
            return Optional.of(endSessionEndpoint).filter(s -> !s.isEmpty());
        } catch (Exception e) {
            failedAt = System.currentTimeMillis();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.log(Level.WARNING, "The provider's discovery document could not be read: no provider sign-out", e);
            return Optional.empty();
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
