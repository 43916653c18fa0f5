/**
 * Several servers: rooms, locks, grace timers, relay trees and rate buckets in Redis, and the node
 * registry.
 */
package io.relaycast.infrastructure.cluster;
