/**
 * How media reaches viewers: the {@code Delivery} port, one implementation per delivery mode in the
 * sub-packages, chosen per stream by {@code Deliveries}; {@code DeliveryPolicy} decides the mode of
 * a new stream. A new delivery kind is a new sub-package.
 */
package io.relaycast.application.delivery;
