/**
 * The signaling rules, free of JSON and WebSocket types: admission of viewers, relaying
 * negotiation, room life (grace, end), room figures; {@code SignalingService} is the entry point.
 */
package io.relaycast.application.signaling;
