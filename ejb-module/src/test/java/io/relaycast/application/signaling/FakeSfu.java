package io.relaycast.application.signaling;

import io.relaycast.application.signaling.protocol.PeerId;
import io.relaycast.application.signaling.protocol.RelayPayload;
import io.relaycast.application.delivery.sfu.Sfu;
import io.relaycast.application.delivery.sfu.SfuException;
import io.relaycast.domain.model.stream.StreamId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** An SFU that answers at once and records what it was asked. */
final class FakeSfu implements Sfu {
    final List<String> calls = new ArrayList<>();
    boolean configured = true;
    /** Set to fail publishing the way Janus does, with its own text. */
    String failPublish;

    @Override
    public boolean configured() {
        return configured;
    }

    @Override
    public boolean reachable() {
        return configured;
    }

    @Override
    public CompletionStage<RelayPayload> publish(StreamId room, PeerId publisher, RelayPayload offer) {
        calls.add("publish " + publisher);
        if (failPublish != null) {
            return CompletableFuture.failedFuture(new SfuException(failPublish));
        }
        return CompletableFuture.completedFuture(new RelayPayload("{\"type\":\"answer\"}"));
    }

    @Override
    public CompletionStage<RelayPayload> subscribe(StreamId room, PeerId viewer, PeerId publisher) {
        calls.add("subscribe " + viewer + " to " + publisher);
        return CompletableFuture.completedFuture(new RelayPayload("{\"type\":\"offer\"}"));
    }

    @Override
    public CompletionStage<Void> startSubscription(PeerId viewer, RelayPayload answer) {
        calls.add("start " + viewer);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void trickle(PeerId peer, RelayPayload candidate) {
        calls.add("trickle " + peer);
    }

    @Override
    public void selectLayer(PeerId viewer, int substream) {
        calls.add("layer " + viewer + " " + substream);
    }

    @Override
    public void leave(PeerId peer) {
        calls.add("leave " + peer);
    }

    @Override
    public void closeRoom(StreamId room) {
        calls.add("close " + room);
    }
}
