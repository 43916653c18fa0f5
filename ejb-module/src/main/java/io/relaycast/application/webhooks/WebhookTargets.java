package io.relaycast.application.webhooks;

/**
 * Where webhooks may be sent. A server that posts to URLs its users choose must not become their
 * way into the internal network (SSRF): loopback, private, link-local and similar addresses are
 * refused unless the operator allows them.
 */
public interface WebhookTargets {

    /** Throws {@link io.relaycast.domain.model.shared.InvalidInputException} if the URL's host may not be called. */
    void requireAllowed(String url);
}
