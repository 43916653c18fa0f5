package io.relaycast.it;

import static io.relaycast.it.Api.ALICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;

/**
 * Hardening, second round (issue 24, point 10): the shipped configuration serves HTTPS (here with
 * Liberty's generated development certificate, which this client accepts as it is); answers over
 * HTTPS carry HSTS and the application's cookies the Secure flag, while plain HTTP (a developer's
 * liberty:run) keeps working without them.
 */
class TransportSecurityIT {

    private static final String HTTPS = "https://localhost:" + System.getProperty("relaycast.httpsPort", "19443");

    private static HttpClient trustingTheDevelopmentCertificate() throws Exception {
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, null);
        return HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static HttpResponse<String> signIn(HttpClient client, String base) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base + "/api/session"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("carol:carol-demo".getBytes()))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> cookies(HttpResponse<?> r, String name) {
        return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).toList();
    }

    @Test
    void httpsAnswersCarryHstsAndSecureCookies() throws Exception {
        HttpClient client = trustingTheDevelopmentCertificate();
        HttpResponse<String> secure = signIn(client, HTTPS);
        assertEquals(200, secure.statusCode(), secure.body());
        assertEquals("max-age=31536000", secure.headers().firstValue("Strict-Transport-Security").orElse(null));
        assertEquals(1, cookies(secure, "relaycastSso").size(), secure.headers().map().toString());
        // The sign-in cookie is Liberty's own, set after every filter: it is Secure with SSO_REQUIRES_SSL=true
        // (production, HTTPS only), which this suite cannot set as it signs in over plain HTTP.

        String id = Api.createLiveStream(ALICE, "TLS " + System.nanoTime());
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(HTTPS + "/watch/" + id)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertTrue(cookies(page, "rc_guest").stream().allMatch(c -> c.contains("Secure")), page.headers().map().toString());

        HttpResponse<String> plain = signIn(HttpClient.newHttpClient(), Api.BASE);
        assertEquals(200, plain.statusCode());
        assertTrue(plain.headers().firstValue("Strict-Transport-Security").isEmpty(), "no HSTS over plain HTTP");
        assertFalse(cookies(plain, "relaycastSso").get(0).contains("Secure"), "a developer's http:// sign-in still works");
    }
}
