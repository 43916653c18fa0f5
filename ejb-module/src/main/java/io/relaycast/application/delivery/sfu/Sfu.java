package io.relaycast.application.delivery.sfu;

import io.relaycast.application.signaling.protocol.PeerId;
import io.relaycast.application.signaling.protocol.RelayPayload;
import io.relaycast.domain.model.stream.StreamId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A Selective Forwarding Unit the server drives (Janus today): the broadcaster uploads once to the
 * stream's room, every viewer is fed by the SFU. JSEP offers/answers and candidates pass through
 * as opaque JSON; browsers never see the SFU's secrets or anyone else's handles.
 */
public interface Sfu {

    /** Whether an SFU is configured at all (it may still be unreachable right now). */
    boolean configured();

    /** Whether it (any of its instances) answered the last time it was asked (cheap). */
    boolean reachable();

    /** Each instance (by its place in the configuration, from "1") and whether it answers. */
    default Map<String, Boolean> instances() {
        return configured() ? Map.of("1", reachable()) : Map.of();
    }

    /** Asks it now, connecting first if needed; whether it answers. */
    default boolean probe() {
        return reachable();
    }

    /** Publishes the broadcaster's offer to the stream's room (created if needed); completes with the answer. */
    CompletionStage<RelayPayload> publish(StreamId room, PeerId publisher, RelayPayload offer);

    /**
     * Makes room for an encoder bridge's plain RTP (Opus audio, H.264 video) as the room's publisher
     * (created if needed); completes with where to send it. {@link #leave} ends it.
     */
    default CompletionStage<RtpFeed> publishRtp(StreamId room, PeerId publisher) {
        return CompletableFuture.failedFuture(new SfuException("This SFU takes no plain RTP."));
    }

    /** What the publisher sends, once its publication is negotiated here; empty when this SFU does not know. */
    default Optional<PublishedMedia> published(PeerId publisher) {
        return Optional.empty();
    }

    /**
     * Sends a plain-RTP copy of the publisher's audio and video (the best simulcast layer) to the
     * target, until the publisher leaves or the room closes; the publisher is asked for a keyframe.
     */
    default CompletionStage<Void> forward(StreamId room, PeerId publisher, RtpTarget target) {
        return CompletableFuture.failedFuture(new SfuException("This SFU forwards no RTP."));
    }

    /** Stops the copies of the publisher's media this server asked for (their packager is gone). */
    default void stopForwarding(StreamId room, PeerId publisher) {
    }

    /** Subscribes a viewer to the room's publisher; completes with the SFU's offer for the viewer. */
    CompletionStage<RelayPayload> subscribe(StreamId room, PeerId viewer, PeerId publisher);

    /** The viewer's answer to the subscription offer. */
    CompletionStage<Void> startSubscription(PeerId viewer, RelayPayload answer);

    /** A trickled candidate of a publisher or subscriber ({@link RelayPayload#NULL}: gathering done). */
    void trickle(PeerId peer, RelayPayload candidate);

    /** Which simulcast layer a viewer receives: 0 lowest … 2 highest. */
    void selectLayer(PeerId viewer, int substream);

    /** The peer is gone: its handle is closed. */
    void leave(PeerId peer);

    /** The stream ended: its room is destroyed. */
    void closeRoom(StreamId room);
}
