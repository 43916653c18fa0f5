package io.relaycast.infrastructure.webhooks;

import io.relaycast.application.webhooks.WebhookSender;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** java.net.http, no redirects followed (a redirect is an answer, not a way around the SSRF guard). */
@ApplicationScoped
public class HttpWebhookSender implements WebhookSender {

    @Inject
    @ConfigProperty(name = "webhooks.timeout-seconds", defaultValue = "10")
    int timeoutSeconds;

    private final HttpClient client = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @Override
    public int post(String url, Map<String, String> headers, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(timeoutSeconds))
                .header("user-agent", "Relaycast-Webhooks/1")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        return client.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
