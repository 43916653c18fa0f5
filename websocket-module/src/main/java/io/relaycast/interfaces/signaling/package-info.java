/**
 * The signaling WebSocket: the endpoint, the JSON codec of the protocol, and the socket writers.
 */
package io.relaycast.interfaces.signaling;
