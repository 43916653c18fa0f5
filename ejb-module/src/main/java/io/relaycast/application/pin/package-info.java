/**
 * Pinned items (links, products) shown on a stream's watch page.
 */
package io.relaycast.application.pin;
