package io.relaycast.infrastructure.sfu;

import io.relaycast.application.delivery.sfu.PublishedMedia;
import io.relaycast.application.delivery.sfu.RtpTarget;
import io.relaycast.application.signaling.protocol.PeerId;
import io.relaycast.application.signaling.protocol.RelayPayload;
import io.relaycast.domain.model.stream.StreamId;
import jakarta.json.JsonObjectBuilder;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stream's room cascaded from the Janus its broadcaster publishes to onto an overflow Janus
 * ({@link JanusEdge}): a remote publisher there, fed by an {@code rtp_forward} of the publication
 * here (the best simulcast layer), made once per room and edge; viewers there subscribe to it.
 * Janus 1.1.2 sends a remote publisher's keyframe requests nowhere, so a viewer starting on an edge
 * asks the broadcaster for one ({@link KeyframePacer}).
 */
final class JanusCascades {

    private final JanusForwarders forwarders;
    private final JanusEdges edges;
    private final KeyframePacer keyframes;
    /** Forwarders made, by room and edge. */
    private final Map<String, CompletableFuture<Void>> forwarded = new ConcurrentHashMap<>();

    JanusCascades(JanusForwarders forwarders, JanusEdges edges, KeyframePacer keyframes) {
        this.forwarders = forwarders;
        this.edges = edges;
        this.keyframes = keyframes;
        edges.onLost(this::edgeLost);
    }

    /**
     * The viewer's subscription on another Janus when this one holds {@code load} viewers already and
     * the publisher publishes here ({@code media}; null: not on this server, which then cannot
     * forward it); empty: subscribe here.
     */
    Optional<CompletionStage<RelayPayload>> overflow(StreamId room, PeerId viewer, PeerId publisher,
                                                     PublishedMedia media, int load) {
        Optional<JanusEdge> edge = media == null ? Optional.empty() : edges.overflowFor(load);
        return edge.map(e -> subscribe(e, room, viewer, publisher, media).whenComplete((offer, error) -> {
            if (error != null) {
                edges.suspect(e);
            }
        }));
    }

    /** The answer of a viewer held on an edge; empty when it is not. */
    Optional<CompletionStage<Void>> start(PeerId viewer, RelayPayload answer) {
        return edges.holding(viewer).map(e -> start(e, e.roomOf(viewer), viewer, answer));
    }

    void trickle(PeerId viewer, JsonObjectBuilder candidate) {
        edges.holding(viewer).ifPresent(e -> e.trickle(viewer, candidate));
    }

    void leave(PeerId viewer) {
        edges.holding(viewer).ifPresent(e -> e.leave(viewer));
    }

    private static String key(StreamId room, JanusEdge edge) {
        return room.value() + "|" + edge.url;
    }

    /** Subscribes a viewer on the edge, cascading the room there first if it is not yet. */
    private CompletionStage<RelayPayload> subscribe(JanusEdge edge, StreamId room, PeerId viewer, PeerId publisher,
                                            PublishedMedia media) {
        return edge.cascade(room, media.videoCodec())
                .thenCompose(feed -> forwarded.computeIfAbsent(key(room, edge), k -> forwarders
                        .cascade(room, publisher, media, RtpTarget.of(feed)).toCompletableFuture()
                        .whenComplete((v, e) -> {
                            if (e != null) {
                                forwarded.remove(k);
                            }
                        })))
                .thenCompose(v -> edge.subscribe(room, viewer));
    }

    /** The viewer's answer on the edge; then a keyframe so that its picture starts now. */
    private CompletionStage<Void> start(JanusEdge edge, StreamId room, PeerId viewer, RelayPayload answer) {
        return edge.start(viewer, answer).thenRun(() -> keyframes.started(room));
    }

    /** The publication here is gone (left, or publishing anew): its forwarders went with it. */
    void publisherGone(StreamId room) {
        forwarded.keySet().removeIf(k -> k.startsWith(room.value() + "|"));
    }

    /** The edge was lost, or a new Janus session here lost every forwarder. */
    void edgeLost(JanusEdge edge) {
        forwarded.keySet().removeIf(k -> k.endsWith("|" + edge.url));
    }

    void forgetAll() {
        forwarded.clear();
    }

    void roomClosed(StreamId room) {
        edges.all().forEach(e -> e.close(room));
        publisherGone(room);
    }
}
