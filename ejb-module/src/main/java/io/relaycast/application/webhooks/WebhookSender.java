package io.relaycast.application.webhooks;

import java.util.Map;

/**
 * Posts one signed delivery; never follows redirects. It connects only to addresses that
 * {@link WebhookTargets} allows, checked on the addresses it connects to (a name may resolve
 * elsewhere than at registration).
 */
public interface WebhookSender {

    /** The response status, or a failure (connection refused, timeout, refused target) as an exception. */
    int post(String url, Map<String, String> headers, String body) throws Exception;
}
