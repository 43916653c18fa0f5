/**
 * Who asks and what they may do: the caller ({@code Actor}, {@code StaffRoles}), who may watch a
 * stream ({@code WatchPolicy}, asked by every path into a stream) and the owner's side of it
 * ({@code StreamAccessService}: visibility, allowed users and groups, invite links).
 */
package io.relaycast.application.access;
