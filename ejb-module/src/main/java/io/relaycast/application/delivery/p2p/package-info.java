/**
 * Peer-to-peer delivery: the broadcaster's browser feeds every viewer; the server only passes
 * negotiation messages.
 */
package io.relaycast.application.delivery.p2p;
