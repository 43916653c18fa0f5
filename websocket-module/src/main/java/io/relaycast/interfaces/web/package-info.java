/**
 * The filter that checks a signaling handshake (origin, credentials).
 */
package io.relaycast.interfaces.web;
