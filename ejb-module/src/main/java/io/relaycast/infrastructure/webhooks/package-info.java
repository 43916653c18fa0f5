/**
 * Webhook delivery over HTTP, and which target addresses are allowed.
 */
package io.relaycast.infrastructure.webhooks;
