package io.relaycast.infrastructure.sfu;

import io.relaycast.application.delivery.sfu.PublishedMedia;
import io.relaycast.application.delivery.sfu.RtpFeed;
import io.relaycast.application.delivery.sfu.RtpTarget;
import io.relaycast.application.signaling.protocol.PeerId;
import io.relaycast.application.signaling.protocol.RelayPayload;
import io.relaycast.domain.model.stream.StreamId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stream's room cascaded from the Janus its broadcaster publishes to (its home) onto another
 * instance: a copy of the room there with a remote publisher, fed by an {@code rtp_forward} of the
 * publication at home (the best simulcast layer), made once per room and instance; viewers there
 * subscribe to the copy. Janus 1.1.2 sends a remote publisher's keyframe requests nowhere, so a
 * viewer starting on a copy asks the broadcaster for one ({@link KeyframePacer}).
 */
final class JanusCascades {

    /** Forwarders made (their ids, to stop them), by room and target instance. */
    private final Map<String, CompletableFuture<Forwarded>> forwarded = new ConcurrentHashMap<>();
    /** Copies made (where their remote publisher takes RTP), by room and target instance; outlive a publication. */
    private final Map<String, CompletableFuture<Copy>> copies = new ConcurrentHashMap<>();

    private record Copy(JanusVideoRoom target, RtpFeed feed) {
    }

    /** The forwarders on the home instance feeding one instance's copy of a room. */
    private record Forwarded(JanusVideoRoom home, JanusVideoRoom target, StreamId room, PeerId publisher,
                             List<Long> ids) {
    }

    private static String key(StreamId room, JanusVideoRoom target) {
        return room.value() + "|" + target.janus.number;
    }

    /** Subscribes a viewer on the target, cascading the room there from its home first if it is not yet. */
    CompletionStage<RelayPayload> subscribe(JanusVideoRoom home, JanusVideoRoom target, StreamId room, PeerId viewer,
                                            PeerId publisher, PublishedMedia media) {
        return cascade(home, target, room, publisher, media)
                .thenCompose(v -> target.subscribe(room, viewer, JanusVideoRoom.cascadeOf(room)));
    }

    /** The room's copy on the target, fed from home, for viewers another server holds (they find it there). */
    CompletionStage<Void> cascade(JanusVideoRoom home, JanusVideoRoom target, StreamId room, PeerId publisher,
                                  PublishedMedia media) {
        return copy(target, room, media.videoCodec()).thenCompose(feed -> forwardedTo(home, target, room, publisher, media, feed))
                .thenAccept(f -> { });
    }

    /**
     * The room's copy on the target, with a remote publisher for its cascade (once per room and
     * target; a failed attempt is forgotten: tried again by the next viewer).
     */
    private CompletionStage<RtpFeed> copy(JanusVideoRoom target, StreamId room, String videoCodec) {
        String key = key(room, target);
        CompletableFuture<Copy> mine = new CompletableFuture<>();
        CompletableFuture<Copy> existing = copies.putIfAbsent(key, mine);
        if (existing != null) {
            return existing.thenApply(Copy::feed);
        }
        CompletableFuture.completedFuture(room).thenCompose(target.rooms::ensureCopy)
                .thenCompose(v -> target.addRemotePublisher(room, JanusVideoRoom.cascadeOf(room), "cascade", videoCodec))
                .whenComplete((feed, e) -> {
                    if (e != null) {
                        copies.remove(key, mine);
                        mine.completeExceptionally(e);
                    } else {
                        mine.complete(new Copy(target, feed));
                    }
                });
        return mine.thenApply(Copy::feed);
    }

    /**
     * The room was published again at home (a reload, a new connection): the copies made before
     * are fed anew — their viewers, another server's too, stay where they are.
     */
    void refeed(JanusVideoRoom home, StreamId room, PeerId publisher, PublishedMedia media) {
        copies.forEach((key, copy) -> {
            Copy made = key.startsWith(room.value() + "|") ? copy.getNow(null) : null;
            if (made != null && made.target() != home) {
                forwardedTo(home, made.target(), room, publisher, media, made.feed());
            }
        });
    }

    /** The forwarders into the target's copy of the room, made once (a failed attempt is forgotten: tried again). */
    private CompletionStage<Forwarded> forwardedTo(JanusVideoRoom home, JanusVideoRoom target, StreamId room,
                                                   PeerId publisher, PublishedMedia media, RtpFeed feed) {
        String key = key(room, target);
        CompletableFuture<Forwarded> mine = new CompletableFuture<>();
        CompletableFuture<Forwarded> existing = forwarded.putIfAbsent(key, mine);
        if (existing != null) {
            return existing;
        }
        CompletableFuture.completedFuture(room).thenCompose(r -> home.forwarders.cascade(r, publisher, media,
                RtpTarget.of(feed))).whenComplete((ids, e) -> {
            if (e != null) {
                forwarded.remove(key, mine);
                mine.completeExceptionally(e);
            } else {
                mine.complete(new Forwarded(home, target, room, publisher, ids));
            }
        });
        return mine;
    }

    /** The publication at home is gone (left, or publishing anew): its forwarders went with it. */
    void publisherGone(StreamId room) {
        forwarded.keySet().removeIf(k -> k.startsWith(room.value() + "|"));
    }

    /**
     * An instance was lost. Forwarders into it are stopped (a restarted Janus hands the same ports
     * to new rooms, which would get this room's packets) and made anew when it is cascaded again;
     * forwarders from it went with it.
     */
    void instanceLost(JanusVideoRoom lost) {
        copies.keySet().removeIf(k -> k.endsWith("|" + lost.janus.number));
        forwarded.entrySet().removeIf(e -> {
            if (e.getKey().endsWith("|" + lost.janus.number)) {
                e.getValue().thenAccept(f -> f.home().forwarders.stop(f.room(), f.publisher(), f.ids()));
                return true;
            }
            Forwarded f = e.getValue().getNow(null);
            return f != null && f.home() == lost;
        });
    }

    /** The stream ended, or its home was lost: its copies are gone (destroyed by the caller) and their forwarders. */
    void roomClosed(StreamId room) {
        publisherGone(room);
        copies.keySet().removeIf(k -> k.startsWith(room.value() + "|"));
    }
}
