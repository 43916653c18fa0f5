/**
 * Application events (CDI), fired when a change commits: the rooms, webhooks and the recording
 * finalizer observe them.
 */
package io.relaycast.application.events;
