/**
 * Moderation: deleting chat messages, banning and unbanning users from a stream's chat.
 */
package io.relaycast.application.moderation;
