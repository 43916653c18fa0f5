package io.relaycast.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.InputStream;
import java.io.StringReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Base64;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Assumptions;

/**
 * The tests' OpenID Connect provider (liberty-config/oidc, started by start-backends.sh in the
 * cluster pass): where it is, and access tokens from it for a user, fetched the way an integrator's
 * app gets them (authorization code: the provider's login form, then the token endpoint).
 */
final class OidcProvider {

    /** A client registered only for the tests, whose redirect URI is never opened. */
    private static final String CLIENT = "relaycast-tests:relaycast-tests-secret";
    private static final String CALLBACK = "http://127.0.0.1/callback";
    static final String API = "urn:relaycast:api";

    final String issuer;
    private final SSLContext tls;

    private final String spki;

    private OidcProvider(String issuer, SSLContext tls, String spki) {
        this.issuer = issuer;
        this.tls = tls;
        this.spki = spki;
    }

    /** Chromium's switch that trusts this provider's (self-made) certificate, and nothing else. */
    String browserTrust() {
        return "--ignore-certificate-errors-spki-list=" + spki;
    }

    /** The provider of this pass, or the test is skipped (the H2 pass runs without one). */
    static OidcProvider ofThisPass() throws Exception {
        Path env = Path.of(System.getProperty("relaycast.oidcEnv", "target/oidc.env"));
        if (!Files.exists(env)) {
            Assumptions.abort("no OpenID Connect provider in this pass (the cluster pass, -Dit.backends=cluster, has one)");
        }
        Properties p = new Properties();
        try (var r = Files.newBufferedReader(env)) {
            p.load(r);
        }
        KeyStore trust = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Path.of(p.getProperty("OIDC_TRUST_STORE")))) {
            trust.load(in, "trust-pass".toCharArray());
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        java.security.cert.Certificate cert = trust.getCertificate(trust.aliases().nextElement());
        String spki = Base64.getEncoder().encodeToString(java.security.MessageDigest.getInstance("SHA-256")
                .digest(cert.getPublicKey().getEncoded()));
        return new OidcProvider(p.getProperty("OIDC_ISSUER"), ctx, spki);
    }

    /** The user's tokens for Relaycast's API (JWT access token with aud urn:relaycast:api), and the ID token. */
    JsonObject tokens(String user, String password, String resource) throws Exception {
        HttpClient http = HttpClient.newBuilder().sslContext(tls).cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        String auth = issuer + "/auth?client_id=relaycast-tests&response_type=code&scope=openid%20profile%20groups"
                + "&redirect_uri=" + enc(CALLBACK) + (resource == null ? "" : "&resource=" + enc(resource));
        String interaction = location(http.send(get(auth), HttpResponse.BodyHandlers.ofString()));
        String loginForm = http.send(get(absolute(interaction)), HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(loginForm.contains("id=\"password\""), loginForm);
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(absolute(interaction) + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + enc(user) + "&password=" + enc(password)))
                .build(), HttpResponse.BodyHandlers.ofString());
        String next = location(login);
        for (int i = 0; i < 5 && !next.startsWith(CALLBACK); i++) {
            next = location(http.send(get(absolute(next)), HttpResponse.BodyHandlers.ofString()));
        }
        Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(next);
        assertTrue(code.find(), "no code in " + next);
        String form = "grant_type=authorization_code&code=" + code.group(1) + "&redirect_uri=" + enc(CALLBACK)
                + (resource == null ? "" : "&resource=" + enc(resource));
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(issuer + "/token"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(CLIENT.getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, token.statusCode(), token.body());
        return Json.createReader(new StringReader(token.body())).readObject();
    }

    String accessToken(String user, String password) throws Exception {
        return tokens(user, password, API).getString("access_token");
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build();
    }

    private String absolute(String location) {
        return location.startsWith("/") ? issuer + location : location;
    }

    private static String location(HttpResponse<String> r) {
        assertTrue(r.statusCode() / 100 == 3, () -> "expected a redirect, got " + r.statusCode() + ": " + r.body());
        return r.headers().firstValue("Location").orElseThrow();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
