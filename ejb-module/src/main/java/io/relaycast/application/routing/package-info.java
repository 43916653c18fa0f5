/**
 * The room seams infrastructure implements: who is in which room ({@code RoomRouter}), room locks,
 * grace timers, server nodes and cluster news; local or Redis-backed, chosen in one producer.
 */
package io.relaycast.application.routing;
