/**
 * Value objects and exceptions every aggregate uses: user ids, paging, input rules, UTC columns,
 * and the domain's error types.
 */
package io.relaycast.domain.model.shared;
