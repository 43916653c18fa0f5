/**
 * Rooms, locks and grace timers of a single server, in memory.
 */
package io.relaycast.infrastructure.room;
