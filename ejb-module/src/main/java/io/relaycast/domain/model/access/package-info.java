/**
 * Who may watch a stream: its {@code Visibility}, the users and groups a restricted stream admits
 * ({@code StreamAccess}), and invite links ({@code Invite}) for people outside them.
 */
package io.relaycast.domain.model.access;
