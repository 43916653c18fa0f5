/**
 * The stream aggregate: {@code Livestream} with its lifecycle rules, id, key, status, delivery
 * mode, likes, and its repository.
 */
package io.relaycast.domain.model.stream;
