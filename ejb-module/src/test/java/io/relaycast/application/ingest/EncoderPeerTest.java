package io.relaycast.application.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.relaycast.application.routing.CloseCause;
import io.relaycast.application.signaling.protocol.RelayPayload;
import io.relaycast.application.signaling.protocol.SignalEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class EncoderPeerTest {

    private final List<CloseCause> ended = new ArrayList<>();
    private final EncoderPeer peer = new EncoderPeer("192.0.2.1");

    EncoderPeerTest() {
        peer.onEnd(ended::add);
    }

    @Test
    void theSfusAnswerIsTheEncodersAnswer() throws Exception {
        peer.send(new SignalEvent.SfuPublished(new RelayPayload("{\"type\":\"answer\",\"sdp\":\"v=0\"}")));
        assertEquals("{\"type\":\"answer\",\"sdp\":\"v=0\"}", peer.answer().get().json());
    }

    @Test
    void anSfuErrorBeforeTheAnswerIsAGatewayProblem() {
        peer.send(new SignalEvent.Error("sfu-unavailable", "Janus is down", null, 0));
        ExecutionException e = assertThrows(ExecutionException.class, () -> peer.answer().get());
        assertEquals(503, ((IngestException) e.getCause()).status());
    }

    @Test
    void anSfuRestartOrBeingClosedEndsThePublication() {
        peer.send(new SignalEvent.SfuRestart());
        peer.close(CloseCause.REPLACED);
        assertEquals(List.of(CloseCause.STREAM_ENDED, CloseCause.REPLACED), ended);
        assertTrue(peer.answer().isCompletedExceptionally());
    }
}
