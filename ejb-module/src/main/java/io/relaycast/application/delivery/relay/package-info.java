/**
 * Relay delivery: viewers pass the stream on down a tree the server builds ({@code RelayTree}) and
 * mends ({@code RelayRepair}); {@code RelayTreeStore} shares trees across a cluster.
 */
package io.relaycast.application.delivery.relay;
