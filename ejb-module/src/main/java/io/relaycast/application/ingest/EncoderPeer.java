package io.relaycast.application.ingest;

import io.relaycast.application.routing.CloseCause;
import io.relaycast.application.routing.Peer;
import io.relaycast.application.signaling.protocol.RelayPayload;
import io.relaycast.application.signaling.protocol.SignalEvent;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The encoder as the room sees it: a broadcaster with no socket. It takes the SFU's answer to its
 * offer, and treats what a browser would act on — being replaced, the stream ending, the SFU
 * restarting (an encoder cannot publish again by itself) — as the end of its publication.
 */
public final class EncoderPeer implements Peer {

    private final CompletableFuture<RelayPayload> answer = new CompletableFuture<>();
    private final String address;
    private volatile Consumer<CloseCause> onEnd = c -> { };

    public EncoderPeer(String address) {
        this.address = address;
    }

    public CompletableFuture<RelayPayload> answer() {
        return answer;
    }

    public void onEnd(Consumer<CloseCause> onEnd) {
        this.onEnd = onEnd;
    }

    @Override
    public boolean send(SignalEvent event) {
        if (event instanceof SignalEvent.SfuPublished p) {
            answer.complete(p.sdp());
        } else if (event instanceof SignalEvent.Error e && !answer.isDone()) {
            answer.completeExceptionally(new IngestException(e.code().equals("sfu-unavailable") ? 503 : 502,
                    "The SFU did not take the offer: " + e.message()));
        } else if (event instanceof SignalEvent.SfuRestart) {
            onEnd.accept(CloseCause.STREAM_ENDED);
        }
        return true; // everything else (chat, counts, viewers' comings and goings) is not for an encoder
    }

    @Override
    public void close(CloseCause cause) {
        answer.completeExceptionally(new IngestException(409, "The publication ended before the SFU answered."));
        onEnd.accept(cause);
    }

    @Override
    public String clientAddress() {
        return address;
    }
}
