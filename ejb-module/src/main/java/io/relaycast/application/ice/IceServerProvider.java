package io.relaycast.application.ice;

import java.util.List;

/** Hands out the STUN/TURN servers (with credentials where needed) a peer should use. */
public interface IceServerProvider {

    /**
     * @param peerId who the credentials are for (viewer id or user id); it ends up in the TURN
     *               username, so TURN logs can be traced back to a session.
     */
    List<IceServer> iceServersFor(String peerId);

    /** The servers that need no credentials (STUN): for someone not admitted yet. */
    List<IceServer> publicServers();
}
