package io.relaycast.infrastructure.sfu;

import io.relaycast.application.delivery.sfu.PublishedMedia;
import io.relaycast.application.delivery.sfu.RtpFeed;
import io.relaycast.application.delivery.sfu.RtpTarget;
import io.relaycast.application.signaling.protocol.PeerId;
import io.relaycast.application.signaling.protocol.RelayPayload;
import io.relaycast.domain.model.stream.StreamId;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
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
    /** Forwarders made (their ids, to stop them), by room and edge. */
    private final Map<String, CompletableFuture<Forwarded>> forwarded = new ConcurrentHashMap<>();

    /** The forwarders feeding one edge's copy of a room. */
    private record Forwarded(StreamId room, PeerId publisher, List<Long> ids) {
    }

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
                .thenCompose(feed -> forwardedTo(edge, room, publisher, media, feed))
                .thenCompose(v -> edge.subscribe(room, viewer));
    }

    /** The forwarders into the edge's copy of the room, made once (a failed attempt is forgotten: tried again). */
    private CompletionStage<Forwarded> forwardedTo(JanusEdge edge, StreamId room, PeerId publisher, PublishedMedia media,
                                                   RtpFeed feed) {
        String key = key(room, edge);
        CompletableFuture<Forwarded> mine = new CompletableFuture<>();
        CompletableFuture<Forwarded> existing = forwarded.putIfAbsent(key, mine);
        if (existing != null) {
            return existing;
        }
        forwarders.cascade(room, publisher, media, RtpTarget.of(feed)).whenComplete((ids, e) -> {
            if (e != null) {
                forwarded.remove(key, mine);
                mine.completeExceptionally(e);
            } else {
                mine.complete(new Forwarded(room, publisher, ids));
            }
        });
        return mine;
    }

    /** The viewer's answer on the edge; then a keyframe so that its picture starts now. */
    private CompletionStage<Void> start(JanusEdge edge, StreamId room, PeerId viewer, RelayPayload answer) {
        return edge.start(viewer, answer).thenRun(() -> keyframes.started(room));
    }

    /** The publication here is gone (left, or publishing anew): its forwarders went with it. */
    void publisherGone(StreamId room) {
        forwarded.keySet().removeIf(k -> k.startsWith(room.value() + "|"));
    }

    /**
     * The edge was lost: the forwarders into it are stopped (a restarted Janus hands the same ports to
     * new rooms, which would get this room's packets) and made anew when it is cascaded again.
     */
    void edgeLost(JanusEdge edge) {
        forwarded.entrySet().removeIf(e -> {
            if (!e.getKey().endsWith("|" + edge.url)) {
                return false;
            }
            e.getValue().thenAccept(f -> forwarders.stop(f.room(), f.publisher(), f.ids()));
            return true;
        });
    }

    /** A new session with the first Janus: its forwarders are gone with the old one. */
    void forgetAll() {
        forwarded.clear();
    }

    void roomClosed(StreamId room) {
        edges.all().forEach(e -> e.close(room));
        publisherGone(room);
    }
}
