package io.relaycast.infrastructure.cluster;

import io.relaycast.application.routing.CloseCause;
import io.relaycast.application.routing.Peer;
import io.relaycast.application.signaling.protocol.PeerId;
import io.relaycast.application.signaling.protocol.SignalEvent;
import io.relaycast.domain.model.stream.StreamId;
import java.util.List;

/** A socket on another node: events and closes travel there over Redis. */
final class RemotePeer implements Peer {

    private final RedisRoomRouter router;
    private final String node;
    private final StreamId streamId;
    private final PeerId peerId;

    RemotePeer(RedisRoomRouter router, String node, StreamId streamId, PeerId peerId) {
        this.router = router;
        this.node = node;
        this.streamId = streamId;
        this.peerId = peerId;
    }

    String node() {
        return node;
    }

    /** Handed to Redis; whether that node's socket was backed up is not known here. */
    @Override
    public boolean send(SignalEvent event) {
        return router.sendToNode(node, streamId, List.of(peerId), event);
    }

    @Override
    public void close(CloseCause cause) {
        router.closeOnNode(node, streamId, peerId, cause);
    }
}
