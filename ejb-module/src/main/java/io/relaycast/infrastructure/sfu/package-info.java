/**
 * The SFU adapter: Janus VideoRoom over its WebSocket API, on one or several instances (streams
 * placed on the least loaded, audiences cascaded past an instance's capacity).
 */
package io.relaycast.infrastructure.sfu;
