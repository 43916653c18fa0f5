/** Polls during a stream: a question with two to six options, opened and closed by staff, one vote per person. */
package io.relaycast.domain.model.poll;
