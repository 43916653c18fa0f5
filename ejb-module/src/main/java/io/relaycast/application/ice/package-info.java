/**
 * ICE servers (STUN, TURN with time-limited credentials) that browsers are given: the port
 * infrastructure implements.
 */
package io.relaycast.application.ice;
