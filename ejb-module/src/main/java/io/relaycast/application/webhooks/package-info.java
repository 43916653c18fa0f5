/**
 * Signed webhooks: subscriptions, the outbox, and delivery with retries.
 */
package io.relaycast.application.webhooks;
