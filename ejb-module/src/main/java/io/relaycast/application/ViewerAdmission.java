package io.relaycast.application;

import java.util.List;

/** Result of joining a stream: the viewing session id and how to reach the broadcaster. */
public record ViewerAdmission(String viewerId, List<IceServer> iceServers) {
}
