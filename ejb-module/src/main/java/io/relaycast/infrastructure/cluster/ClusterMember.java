package io.relaycast.infrastructure.cluster;

import static io.relaycast.application.json.JsonProviders.JSON;

import io.relaycast.application.routing.Participant;
import io.relaycast.application.routing.Peer;
import io.relaycast.application.signaling.protocol.PeerId;
import io.relaycast.application.signaling.protocol.PeerRole;
import io.relaycast.domain.model.stream.DeliveryMode;
import io.relaycast.domain.model.stream.StreamId;
import io.relaycast.domain.model.shared.UserId;
import io.relaycast.domain.model.viewer.ViewerId;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;

/** A room member as the cluster stores it in Redis: which node holds its socket, and what others may see. */
record ClusterMember(String node, StreamId streamId, PeerId peerId, PeerRole role, UserId userId,
                     ViewerId viewerId, DeliveryMode delivery) {

    static ClusterMember of(String node, Participant p) {
        return new ClusterMember(node, p.streamId(), p.peerId(), p.role(), p.userId(), p.viewerId(), p.delivery());
    }

    /** The value stored in the room's hash (the field is the peer id). */
    JsonObject toJsonObject() {
        JsonObjectBuilder b = JSON.createObjectBuilder().add("n", node).add("s", streamId.value())
                .add("p", peerId.value()).add("r", role.name()).add("d", delivery.name());
        if (userId != null) {
            b.add("u", userId.value());
        }
        if (viewerId != null) {
            b.add("v", viewerId.value());
        }
        return b.build();
    }

    static ClusterMember fromJson(String json) {
        try (var reader = JSON.createReader(new StringReader(json))) {
            return from(reader.readObject());
        }
    }

    static ClusterMember from(JsonObject o) {
        return new ClusterMember(o.getString("n"), StreamId.of(o.getString("s")), new PeerId(o.getString("p")),
                PeerRole.valueOf(o.getString("r")), UserId.ofNullable(o.getString("u", null)),
                ViewerId.ofNullable(o.getString("v", null)), DeliveryMode.valueOf(o.getString("d")));
    }

    /** The stand-in for this member on a server that does not hold its socket. */
    Participant standIn(Peer transport) {
        return Participant.elsewhere(peerId, streamId, role, userId, viewerId, delivery, transport);
    }
}
