/**
 * Chat: posting and history; the rules a line must pass (chat off, guests, bans) in
 * {@code ChatPolicy}, slow mode in {@code SlowMode}.
 */
package io.relaycast.application.chat;
