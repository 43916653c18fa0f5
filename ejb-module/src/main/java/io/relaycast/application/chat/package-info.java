/**
 * Chat: posting, history and the chat rules (slow mode, chat off, guests, bans) in {@code
 * ChatPolicy}.
 */
package io.relaycast.application.chat;
