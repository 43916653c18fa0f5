/**
 * The signaling wire contract as types: commands in, events out, error codes ({@code
 * SignalingException}), and the codec port the WebSocket adapter implements.
 */
package io.relaycast.application.signaling.protocol;
