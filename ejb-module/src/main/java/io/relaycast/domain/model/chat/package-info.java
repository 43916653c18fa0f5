/**
 * The chat aggregate: messages, a stream's chat settings, and the text rules.
 */
package io.relaycast.domain.model.chat;
