package io.relaycast.infrastructure.webhooks;

import io.relaycast.application.webhooks.WebhookSender;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Posts deliveries with Apache HttpClient, whose connections resolve host names only through the
 * SSRF guard ({@link AddressWebhookTargets#allowedAddresses}): the address checked is the address
 * connected to, with no second lookup in between. No redirects are followed (a redirect is an
 * answer, not a way around the guard), no system proxy is used, no cookies are kept.
 */
@ApplicationScoped
public class HttpWebhookSender implements WebhookSender {

    @Inject
    @ConfigProperty(name = "webhooks.timeout-seconds", defaultValue = "10")
    int timeoutSeconds;

    @Inject
    AddressWebhookTargets targets;

    private volatile CloseableHttpClient client;

    HttpWebhookSender() {
    }

    /** For tests: a sender with its own guard. */
    HttpWebhookSender(AddressWebhookTargets targets, int timeoutSeconds) {
        this.targets = targets;
        this.timeoutSeconds = timeoutSeconds;
    }

    @Override
    public int post(String url, Map<String, String> headers, String body) throws IOException {
        HttpPost post = new HttpPost(url);
        headers.forEach(post::setHeader);
        post.setHeader("user-agent", "Relaycast-Webhooks/1");
        post.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON.withCharset(StandardCharsets.UTF_8)));
        return client().execute(post, response -> response.getCode());
    }

    private CloseableHttpClient client() {
        CloseableHttpClient c = client;
        if (c == null) {
            synchronized (this) {
                if (client == null) {
                    client = build();
                }
                c = client;
            }
        }
        return c;
    }

    private CloseableHttpClient build() {
        DnsResolver guarded = new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                return targets.allowedAddresses(host);
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                return host;
            }
        };
        Timeout timeout = Timeout.ofSeconds(timeoutSeconds);
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(guarded)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.ofSeconds(5)).setSocketTimeout(timeout).build())
                        .setMaxConnPerRoute(4).setMaxConnTotal(64)
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(timeout).build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .build();
    }

    @PreDestroy
    void close() {
        if (client != null) {
            client.close(org.apache.hc.core5.io.CloseMode.GRACEFUL); // a lifecycle callback may not throw
        }
    }
}
