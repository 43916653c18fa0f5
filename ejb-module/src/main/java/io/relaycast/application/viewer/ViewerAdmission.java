package io.relaycast.application.viewer;

import io.relaycast.application.ice.IceServer;
import java.util.List;

/**
 * Result of joining a stream: the viewing session id, how to reach the broadcaster, and the room's
 * figures as counted in the transaction that opened the session ({@code null} when an existing
 * session was handed over: nothing was counted then).
 */
public record ViewerAdmission(String viewerId, List<IceServer> iceServers, RoomStats room) {
}
