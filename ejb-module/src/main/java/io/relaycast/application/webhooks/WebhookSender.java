package io.relaycast.application.webhooks;

import java.util.Map;

/** Posts one signed delivery; never follows redirects. */
public interface WebhookSender {

    /** The response status, or a failure (connection refused, timeout, refused target) as an exception. */
    int post(String url, Map<String, String> headers, String body) throws Exception;
}
