/**
 * Chat bans.
 */
package io.relaycast.domain.model.moderation;
