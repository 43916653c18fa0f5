/**
 * Pinned items of a stream.
 */
package io.relaycast.domain.model.pin;
