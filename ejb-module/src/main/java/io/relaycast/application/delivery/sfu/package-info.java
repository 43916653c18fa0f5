/**
 * Delivery through an SFU: the broadcaster publishes once, the server subscribes each admitted
 * viewer through the {@code Sfu} port (Janus in infrastructure).
 */
package io.relaycast.application.delivery.sfu;
