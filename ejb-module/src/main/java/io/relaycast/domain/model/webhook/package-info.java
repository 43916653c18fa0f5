/**
 * Webhook subscriptions and their deliveries.
 */
package io.relaycast.domain.model.webhook;
