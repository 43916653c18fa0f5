/**
 * Viewing sessions: opening and closing them in group-committed batches, REST joins that a socket
 * must confirm, and the live figures of a room.
 */
package io.relaycast.application.viewer;
