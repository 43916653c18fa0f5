/**
 * The SFU adapter: Janus VideoRoom over its WebSocket API.
 */
package io.relaycast.infrastructure.sfu;
