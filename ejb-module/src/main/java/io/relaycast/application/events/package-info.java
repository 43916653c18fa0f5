/**
 * Application events (CDI), fired when a change commits: the rooms, webhooks and analytics observe
 * them.
 */
package io.relaycast.application.events;
