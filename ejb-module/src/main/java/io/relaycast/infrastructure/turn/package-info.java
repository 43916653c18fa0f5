/**
 * ICE servers from configuration, with TURN REST credentials (coturn's shared secret).
 */
package io.relaycast.infrastructure.turn;
